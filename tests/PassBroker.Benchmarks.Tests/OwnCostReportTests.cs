using PassBroker.Benchmarks.Load;
using PassBroker.Benchmarks.Report;

namespace PassBroker.Benchmarks.Tests;

/// <summary>The own-cost section: percentiles and the goals' verdicts from the rounds.</summary>
public sealed class OwnCostReportTests
{
    [Fact]
    public void Percentile_IsNearestRank()
    {
        double[] samples = [.. Enumerable.Range(1, 100).Select(i => (double)i).Reverse()];

        Assert.Equal((50, 99, 100), (OwnCostReport.Percentile(samples, 0.50), OwnCostReport.Percentile(samples, 0.99), OwnCostReport.Percentile(samples, 1.0)));
        Assert.True(double.IsNaN(OwnCostReport.Percentile([], 0.5)));
    }

    [Fact]
    public void Goals_ComparePassBrokerWithNginxRoundByRoundAndItsOwnP50()
    {
        var result = Result(passBroker: [new(1, 900, 1, 3.0, 0), new(1, 700, 1, 9.0, 0)], nginx: [new(1, 1000, 1, 2.0, 0), new(1, 1000, 1, 4.0, 0)], ownMs: [0.1, 0.2, 0.9]);

        var goals = OwnCostReport.Goals(result);

        Assert.Equal([0.8, 1.875, 0.2], goals.Select(g => Math.Round(g.Measured, 3)));
        Assert.Equal([true, false, true], goals.Select(g => g.Met));
    }

    private static HotPathResult Result(List<WrkResult> passBroker, List<WrkResult> nginx, double[] ownMs) => new(
        new Dictionary<string, List<WrkResult>> { [HotPathBench.PassBroker] = passBroker, [HotPathBench.Nginx] = nginx },
        new Dictionary<string, List<RoundCost>> { [HotPathBench.PassBroker] = [new RoundCost(1000, ownMs)] },
        0, 0, 0);
}
