using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PassBroker.Benchmarks.Load;

/// <summary>One wrk run: a fixed number of connections for a fixed time, POSTing one body with fixed headers.</summary>
internal static partial class Wrk
{
    /// <param name="url">The target.</param>
    /// <param name="body">The JSON body of every request.</param>
    /// <param name="headerSets">Headers per request; several sets are used round-robin (several devices).</param>
    /// <param name="connections">Open connections (wrk -c).</param>
    /// <param name="duration">Run time (wrk -d).</param>
    /// <param name="workDirectory">Where the Lua script is written.</param>
    public static async Task<WrkResult> RunAsync(Uri url, string body, IReadOnlyList<IReadOnlyDictionary<string, string>> headerSets,
        int connections, TimeSpan duration, string workDirectory)
    {
        var script = Path.Combine(workDirectory, $"wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Lua(body, headerSets));
        var start = new ProcessStartInfo("wrk",
        [
            "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "--timeout", "10s", "-s", script, url.ToString(),
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(script);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed: {await process.StandardError.ReadToEndAsync()}");
        }
        return Parse(output);
    }

    internal static WrkResult Parse(string output)
    {
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var perSecond = double.Parse(PerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var errors = SocketErrors().Match(output) is { Success: true } e
            ? e.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(requests, perSecond, Percentile(output, "50"), Percentile(output, "99"), non2xx + errors);
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s+{percent}(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    // Each request takes the next header set, so one run spreads over several devices.
    private static string Lua(string body, IReadOnlyList<IReadOnlyDictionary<string, string>> headerSets)
    {
        var lua = new StringBuilder();
        lua.AppendLine("wrk.method = \"POST\"");
        lua.AppendLine(CultureInfo.InvariantCulture, $"wrk.body = {Quote(body)}");
        lua.AppendLine("local sets = {");
        foreach (var set in headerSets)
        {
            lua.Append("  {");
            foreach (var (name, value) in set)
            {
                lua.Append(CultureInfo.InvariantCulture, $"[{Quote(name)}] = {Quote(value)}, ");
            }
            lua.AppendLine("},");
        }
        lua.AppendLine("}");
        lua.AppendLine("local i = 0");
        lua.AppendLine("request = function()");
        lua.AppendLine("  i = i + 1");
        lua.AppendLine("  return wrk.format(nil, nil, sets[(i % #sets) + 1], nil)");
        lua.AppendLine("end");
        return lua.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex PerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}

/// <param name="Requests">Completed requests.</param>
/// <param name="PerSecond">Requests per second over the run.</param>
/// <param name="P50Ms">Median latency, ms.</param>
/// <param name="P99Ms">99th percentile latency, ms.</param>
/// <param name="Failures">Non-2xx answers and socket errors.</param>
internal sealed record WrkResult(long Requests, double PerSecond, double P50Ms, double P99Ms, long Failures);
