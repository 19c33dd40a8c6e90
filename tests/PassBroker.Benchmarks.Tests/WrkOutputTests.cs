using PassBroker.Benchmarks.Load;
using PassBroker.Benchmarks.Report;

namespace PassBroker.Benchmarks.Tests;

/// <summary>The report reads wrk's text output; these pin the parts it reads.</summary>
public sealed class WrkOutputTests
{
    private const string Output = """
        Running 10s test @ http://127.0.0.1:40000/api/decisions/authorize
          2 threads and 32 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency    12.20ms   20.41ms 323.59ms   93.42%
            Req/Sec     1.61k   307.92     2.24k    71.50%
          Latency Distribution
             50%    6.85ms
             75%   10.38ms
             90%   21.52ms
             99%    1.12s
          32076 requests in 10.01s, 19.49MB read
          Socket errors: connect 0, read 0, write 0, timeout 2
          Non-2xx or 3xx responses: 3
        Requests/sec:   3204.50
        Transfer/sec:      1.95MB
        """;

    [Fact]
    public void Parse_ReadsCountsRateAndPercentilesInMilliseconds()
    {
        var result = Wrk.Parse(Output);

        Assert.Equal(new WrkResult(32076, 3204.50, 6.85, 1120, 5), result);
    }

    [Fact]
    public void Median_OddAndEvenCounts()
    {
        Assert.Equal(2, MarkdownReport.Median([3.0, 1.0, 2.0], x => x));
        Assert.Equal(2.5, MarkdownReport.Median([4.0, 1.0, 2.0, 3.0], x => x));
    }
}
