using PassBroker.Benchmarks.Load;
using PassBroker.Benchmarks.Report;

namespace PassBroker.Benchmarks.Tests;

/// <summary>The hot-path section of the report: every target's row and the ratios between them, from fixed rounds.</summary>
public sealed class HotPathReportTests
{
    [Fact]
    public void Write_ShowsTheBareProxyRowAndPassBrokerAgainstItNextToNginx()
    {
        var markdown = MarkdownReport.Write(new ReportSettings(1, TimeSpan.FromSeconds(10), 32, 8, [], TimeSpan.FromSeconds(15), "report.md"),
            "machine", "0 0 0", Result(), [], [], [], TimeSpan.FromMinutes(1));

        Assert.Contains("| bare .NET proxy → emulator | 8000 | 8000 | 1.50 | 6.00 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| PassBroker / nginx | 0.40 | 3.00 | 3.00 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| PassBroker / bare .NET proxy | 0.50 | 2.00 | 1.50 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| bare .NET proxy / nginx | 0.80 | 1.50 | 2.00 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| bare .NET proxy → emulator | n/a | n/a | 0 | 20000 | 4000 |", markdown, StringComparison.Ordinal);
    }

    internal static HotPathResult Result()
    {
        var rounds = new Dictionary<string, List<WrkResult>>
        {
            [HotPathBench.Direct] = [new(20000, 20000, 0.5, 2.0, 0)],
            [HotPathBench.Nginx] = [new(10000, 10000, 1.0, 3.0, 0)],
            [HotPathBench.BareDotNet] = [new(8000, 8000, 1.5, 6.0, 0)],
            [HotPathBench.PassBroker] = [new(4000, 4000, 3.0, 9.0, 0)],
            [HotPathBench.PassBrokerNoPlays] = [new(4000, 4000, 3.0, 9.0, 0)],
        };
        var costs = new Dictionary<string, List<RoundCost>>
        {
            [HotPathBench.Direct] = [new(16000, [])],
            [HotPathBench.Nginx] = [new(16000, [])],
            [HotPathBench.BareDotNet] = [new(20000, [])],
            [HotPathBench.PassBroker] = [new(40000, [0.1])],
            [HotPathBench.PassBrokerNoPlays] = [new(40000, [0.1])],
        };
        return new HotPathResult(rounds, costs, 4000, 0, 0);
    }
}
