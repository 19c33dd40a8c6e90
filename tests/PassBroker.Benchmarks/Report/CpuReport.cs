using System.Globalization;
using System.Text;

namespace PassBroker.Benchmarks.Report;

/// <summary>
/// CPU per request per target, from the same rounds: what each process spent per request wrk counted, and what that
/// predicts on this machine's cores. When every process shares the cores and they are busy, throughput is cores ÷ CPU
/// per request, so a proxy whose own CPU per request is k × nginx's cannot reach more than about nginx's total ÷ its
/// total of nginx's throughput, whatever its code does above the floor.
/// </summary>
internal static class CpuReport
{
    public static void Write(StringBuilder md, HotPathResult hotPath, int cores)
    {
        var rows = Rows(hotPath, cores);
        if (rows.Count == 0)
        {
            md.AppendLine("CPU per request: not measured (no /proc on this machine).");
            return;
        }
        Line(md, $"### CPU per request (µs of CPU time per request wrk counted; medians of the rounds; {cores} cores)");
        md.AppendLine();
        md.AppendLine("Read from `/proc/<pid>/stat` before and after each round: the benchmark process (the emulator, the DevHosts and the bare proxy; its own user + system time), nginx's one process, and wrk (the benchmark's waited-for children). A proxy's own CPU is nginx's for nginx, and the process's minus the direct round's (the emulator's share) for the .NET targets. The best ratio to nginx is nginx's total ÷ the target's total: what the target could reach against nginx if CPU were the only bound (cores busy near the core count says it is).");
        md.AppendLine();
        md.AppendLine("| target | benchmark process | nginx | wrk | all | cores busy | predicted req/s | measured req/s | the proxy's own CPU | own CPU × nginx's | best throughput / nginx |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            Line(md, $"| {r.Target} | {r.ProcessUs:F1} | {r.NginxUs:F1} | {r.WrkUs:F1} | {r.TotalUs:F1} | {r.CoresBusy:F2} | {r.PredictedPerSecond:F0} | {r.MeasuredPerSecond:F0} | {Cell(r.OwnUs, "F1")} | {Cell(r.OwnTimesNginx, "F2")} | {r.BestRatioToNginx:F2} |");
        }
    }

    /// <summary>One row per target with CPU figures, in the report's target order.</summary>
    /// <param name="hotPath">The rounds.</param>
    /// <param name="cores">The machine's cores.</param>
    public static IReadOnlyList<CpuRow> Rows(HotPathResult hotPath, int cores)
    {
        if (!hotPath.Costs.TryGetValue(HotPathBench.Direct, out var direct) || direct.Any(c => c.Cpu is null))
        {
            return [];
        }
        double Median(IEnumerable<RoundCost> costs, Func<RoundCpu, double> value) => MarkdownReport.Median(costs.Where(c => c.Cpu is not null), c => value(c.Cpu!));
        var nginxOwn = Median(hotPath.Costs[HotPathBench.Nginx], c => c.NginxUs);
        var nginxTotal = Median(hotPath.Costs[HotPathBench.Nginx], c => c.TotalUs);
        var rows = new List<CpuRow>();
        foreach (var (name, costs) in hotPath.Costs)
        {
            // The emulator's share, round by round: the process's CPU in the direct round of the same round number.
            var own = name switch
            {
                HotPathBench.Direct => double.NaN,
                HotPathBench.Nginx => nginxOwn,
                _ => MarkdownReport.Median(costs.Zip(direct), p => p.First.Cpu!.ProcessUs - p.Second.Cpu!.ProcessUs),
            };
            var total = Median(costs, c => c.TotalUs);
            rows.Add(new CpuRow(name, Median(costs, c => c.ProcessUs), Median(costs, c => c.NginxUs), Median(costs, c => c.WrkUs), total,
                Median(costs, c => c.CoresBusy), cores * 1e6 / total, MarkdownReport.Median(hotPath.Rounds[name], r => r.PerSecond),
                own, own / nginxOwn, nginxTotal / total));
        }
        return rows;
    }

    private static string Cell(double value, string format) => double.IsNaN(value) ? "—" : value.ToString(format, CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
}

/// <param name="Target">The report's target name.</param>
/// <param name="ProcessUs">The benchmark process, µs per request.</param>
/// <param name="NginxUs">nginx, µs per request.</param>
/// <param name="WrkUs">wrk, µs per request.</param>
/// <param name="TotalUs">All three, µs per request.</param>
/// <param name="CoresBusy">Their CPU seconds per second.</param>
/// <param name="PredictedPerSecond">Cores × 10⁶ ÷ <paramref name="TotalUs"/>.</param>
/// <param name="MeasuredPerSecond">wrk's median req/s.</param>
/// <param name="OwnUs">The proxy's own CPU per request (NaN for the emulator direct).</param>
/// <param name="OwnTimesNginx"><paramref name="OwnUs"/> ÷ nginx's own.</param>
/// <param name="BestRatioToNginx">nginx's total ÷ this target's total.</param>
internal sealed record CpuRow(string Target, double ProcessUs, double NginxUs, double WrkUs, double TotalUs, double CoresBusy,
    double PredictedPerSecond, double MeasuredPerSecond, double OwnUs, double OwnTimesNginx, double BestRatioToNginx);
