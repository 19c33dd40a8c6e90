using PassBroker.Benchmarks.Report;

namespace PassBroker.Benchmarks.Tests;

/// <summary>CPU per request: /proc's stat line read right, and the per-request arithmetic from fixed rounds.</summary>
public sealed class CpuReportTests
{
    [Fact]
    public void Parse_ReadsOwnAndWaitedForChildrenTimesAfterACommandWithSpacesAndParentheses()
    {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        var stat = "4242 (dotnet (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 566 300 50 20 0 30 0 500 1000 200";

        var times = ProcessCpu.Parse(stat);

        Assert.Equal(new CpuTimes(TimeSpan.FromSeconds(18), TimeSpan.FromSeconds(3.5)), times);
    }

    [Fact]
    public void Read_ThisProcessHasUsedCpuAndAGoneProcessIsNone()
    {
        // Starting the test host took far more than /proc's 10 ms tick.
        Assert.True(ProcessCpu.Read(Environment.ProcessId)!.Value.Own > TimeSpan.Zero);
        Assert.Null(ProcessCpu.Read(int.MaxValue));
    }

    [Fact]
    public void RoundCpu_DividesEachProcessesTimeByTheRequests()
    {
        var self = (new CpuTimes(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)), new CpuTimes(TimeSpan.FromSeconds(13), TimeSpan.FromSeconds(2)));
        var nginx = (new CpuTimes(TimeSpan.FromSeconds(5), TimeSpan.Zero), new CpuTimes(TimeSpan.FromSeconds(5.5), TimeSpan.Zero));

        var cpu = RoundCpu.From(self, nginx, requests: 100_000, TimeSpan.FromSeconds(4));

        Assert.Equal((30, 5, 10, 45, 1.125), (cpu.ProcessUs, cpu.NginxUs, cpu.WrkUs, cpu.TotalUs, cpu.CoresBusy));
        Assert.Equal(0, RoundCpu.From(self, null, 100_000, TimeSpan.FromSeconds(4)).NginxUs);
    }

    [Fact]
    public void Rows_ChargeEachProxyItsOwnCpuAndPredictItsBestRatioToNginx()
    {
        var result = HotPathReportTests.Result() with
        {
            Costs = new Dictionary<string, List<RoundCost>>
            {
                [HotPathBench.Direct] = [Cost(process: 20, nginx: 0, wrk: 10)],
                [HotPathBench.Nginx] = [Cost(process: 20, nginx: 10, wrk: 10)],
                [HotPathBench.BareDotNet] = [Cost(process: 50, nginx: 0, wrk: 10)],
                [HotPathBench.PassBroker] = [Cost(process: 70, nginx: 0, wrk: 10)],
                [HotPathBench.PassBrokerNoPlays] = [Cost(process: 70, nginx: 0, wrk: 10)],
            },
        };

        var rows = CpuReport.Rows(result, cores: 2).ToDictionary(r => r.Target);

        Assert.True(double.IsNaN(rows[HotPathBench.Direct].OwnUs));
        Assert.Equal((10, 1, 1), (rows[HotPathBench.Nginx].OwnUs, rows[HotPathBench.Nginx].OwnTimesNginx, rows[HotPathBench.Nginx].BestRatioToNginx));
        Assert.Equal((30, 3, 40 / 60.0), (rows[HotPathBench.BareDotNet].OwnUs, rows[HotPathBench.BareDotNet].OwnTimesNginx, rows[HotPathBench.BareDotNet].BestRatioToNginx));
        Assert.Equal((50, 5, 0.5, 25_000), (rows[HotPathBench.PassBroker].OwnUs, rows[HotPathBench.PassBroker].OwnTimesNginx, rows[HotPathBench.PassBroker].BestRatioToNginx, rows[HotPathBench.PassBroker].PredictedPerSecond));
    }

    [Fact]
    public void Rows_WithoutCpuFigures_AreNone() => Assert.Empty(CpuReport.Rows(HotPathReportTests.Result(), cores: 2));

    private static RoundCost Cost(double process, double nginx, double wrk) => new(0, [], new RoundCpu(process, nginx, wrk, 2));
}
