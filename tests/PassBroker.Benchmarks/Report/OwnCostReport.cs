using System.Globalization;
using System.Text;

namespace PassBroker.Benchmarks.Report;

/// <summary>The hot path's own-cost section and the issue's goals, side by side from the same rounds.</summary>
internal static class OwnCostReport
{
    public const double ThroughputGoal = 0.8;
    public const double P99Goal = 1.5;
    public const double OwnP50GoalMs = 0.3;

    public static void Write(StringBuilder md, HotPathResult hotPath)
    {
        md.AppendLine("### PassBroker's own cost per warm authorize");
        md.AppendLine();
        md.AppendLine("Own time: each request's time in the DevHost's pipeline minus its time waiting for the emulator (timed innermost in the upstream `HttpClient`, to the last body byte), over every request of the rounds. Allocations: bytes this process allocated per request in the rounds, minus the same figure of the direct rounds (the emulator, in this process, answers every target). The bare .NET proxy's bytes are the floor of any ASP.NET Core server making the same hop (it has no own-time probe).");
        md.AppendLine();
        md.AppendLine("| target | own time p50 ms | own time p99 ms | requests timed | allocated B/request (process) | the proxy's own B/request |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        var directAllocated = MarkdownReport.Median(hotPath.Costs[HotPathBench.Direct], c => c.AllocatedBytesPerRequest);
        foreach (var name in new[] { HotPathBench.BareDotNet, HotPathBench.PassBroker, HotPathBench.PassBrokerNoPlays })
        {
            var own = hotPath.Costs[name].SelectMany(c => c.OwnMs).ToList();
            var allocated = MarkdownReport.Median(hotPath.Costs[name], c => c.AllocatedBytesPerRequest);
            // The bare proxy has no own-time probe: its bytes are the floor PassBroker's own bytes compare with.
            var ownTime = own.Count == 0 ? "| n/a | n/a " : Invariant($"| {Percentile(own, 0.50):F3} | {Percentile(own, 0.99):F3} ");
            Line(md, $"| {name} {ownTime}| {own.Count} | {allocated:F0} | {allocated - directAllocated:F0} |");
        }
        md.AppendLine();

        md.AppendLine("### Goals (issue 17), from these rounds");
        md.AppendLine();
        md.AppendLine("| goal | target | measured | met |");
        md.AppendLine("|---|---:|---:|---|");
        foreach (var goal in Goals(hotPath))
        {
            Line(md, $"| {goal.What} | {goal.Target} | {goal.Measured:F2} | {(goal.Met ? "yes" : "**no**")} |");
        }
    }

    /// <summary>Warm authorize with the plays rule against nginx (median of per-round ratios), and PassBroker's own p50.</summary>
    public static IReadOnlyList<Goal> Goals(HotPathResult hotPath)
    {
        var pairs = hotPath.Rounds[HotPathBench.PassBroker].Zip(hotPath.Rounds[HotPathBench.Nginx]).ToList();
        var throughput = MarkdownReport.Median(pairs, p => p.First.PerSecond / p.Second.PerSecond);
        var p99 = MarkdownReport.Median(pairs, p => p.First.P99Ms / p.Second.P99Ms);
        var ownP50 = Percentile([.. hotPath.Costs[HotPathBench.PassBroker].SelectMany(c => c.OwnMs)], 0.50);
        return
        [
            new("throughput, plays rule on / nginx", $"≥ {ThroughputGoal:F1}", throughput, throughput >= ThroughputGoal),
            new("p99 latency, plays rule on / nginx", $"≤ {P99Goal:F1}", p99, p99 <= P99Goal),
            new("PassBroker's own time p50 (ms)", $"≤ {OwnP50GoalMs:F1}", ownP50, ownP50 <= OwnP50GoalMs),
        ];
    }

    /// <summary>Nearest-rank percentile (NaN for no samples).</summary>
    /// <param name="samples">The values, in any order.</param>
    /// <param name="fraction">0.5 for the median, 0.99 for p99.</param>
    public static double Percentile(IReadOnlyList<double> samples, double fraction)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }
        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static void Line(StringBuilder md, FormattableString text) => md.AppendLine(Invariant(text));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <param name="What">The goal.</param>
/// <param name="Target">Its bound, as text.</param>
/// <param name="Measured">The measured value.</param>
/// <param name="Met">Whether the measured value is within the bound (NaN never is).</param>
internal sealed record Goal(string What, string Target, double Measured, bool Met);
