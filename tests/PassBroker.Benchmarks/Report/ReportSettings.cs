using System.Globalization;

namespace PassBroker.Benchmarks.Report;

/// <summary>
/// <c>report [--rounds 3] [--duration 10] [--connections 32] [--devices 8] [--signins 1000,10000] [--poll 15] [--out docs/performance-report.md]</c>
/// </summary>
internal sealed record ReportSettings(int Rounds, TimeSpan Duration, int Connections, int Devices, IReadOnlyList<int> SignIns, TimeSpan PollInterval, string Output)
{
    public static ReportSettings Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new ReportSettings(
            Int("rounds", 3),
            TimeSpan.FromSeconds(Int("duration", 10)),
            Int("connections", 32),
            Int("devices", 8),
            values.TryGetValue("signins", out var n) ? [.. n.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] : [1000, 10000],
            TimeSpan.FromSeconds(Int("poll", 15)),
            values.GetValueOrDefault("out", Path.Combine("docs", "performance-report.md")));
    }
}
