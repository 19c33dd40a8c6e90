using System.Globalization;

namespace PassBroker.Benchmarks.Durable;

/// <summary>
/// <c>durable-storage [--shape both|per-signin|sharded|idle] [--signins 50] [--polls 8] [--interval 10] [--tick 5]
/// [--shards 4] [--partitions 4] [--max-queue-polling 30] [--idle-window 60] [--project 100000] [--project-interval 15]
/// [--project-tick 5] [--project-shards 16]</c>. <c>idle</c> runs the shards with nothing pending for
/// <c>--idle-window</c> seconds: their floor. The measured run uses a shorter interval than production so it
/// takes minutes; request counts per poll and per round do not depend on it, as long as the shards keep up with the
/// tick. The projection applies the measured counts to <c>--project</c> pending sign-ins at the production interval,
/// each pending for the same number of polls as measured (<c>--polls</c>: a sign-in's start and end are spread over
/// its polls).
/// </summary>
internal sealed record DurableStorageSettings(
    IReadOnlyList<string> Shapes,
    int SignIns,
    int PollsToLogin,
    TimeSpan PollInterval,
    TimeSpan Tick,
    int Shards,
    int Partitions,
    TimeSpan MaxQueuePollingInterval,
    ScaleScenario Projection)
{
    public const string PerSignIn = "per-signin";
    public const string Sharded = "sharded";
    public const string Idle = "idle";

    /// <summary>How long the idle shards are counted.</summary>
    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromSeconds(60);

    public static DurableStorageSettings Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        TimeSpan Seconds(string name, double fallback) =>
            TimeSpan.FromSeconds(values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback);

        var shape = values.GetValueOrDefault("shape", "both");
        string[] shapes = shape switch
        {
            "both" => [PerSignIn, Sharded],
            PerSignIn or Sharded or Idle => [shape],
            _ => throw new ArgumentException($"--shape {shape}: expected both, {PerSignIn}, {Sharded} or {Idle}."),
        };
        var settings = new DurableStorageSettings(
            shapes,
            Int("signins", 50),
            Int("polls", 8),
            Seconds("interval", 10),
            Seconds("tick", 5),
            Int("shards", 4),
            Int("partitions", 4),
            Seconds("max-queue-polling", 30),
            new ScaleScenario(Int("project", 100_000), Seconds("project-interval", 15), Seconds("project-tick", 5), Int("project-shards", 16), Int("polls", 8)))
        {
            IdleWindow = Seconds("idle-window", 60),
        };
        if (settings.PollInterval.Ticks % settings.Tick.Ticks != 0 || settings.Projection.PollInterval.Ticks % settings.Projection.Tick.Ticks != 0)
        {
            throw new ArgumentException("--interval must be a multiple of --tick (and --project-interval of --project-tick).");
        }
        return settings;
    }
}
