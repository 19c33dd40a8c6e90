using BenchmarkDotNet.Running;
using PassBroker.Benchmarks.Micro;
using PassBroker.Benchmarks.Report;

// report: the load, storage and sign-in-scale measurements, written as Markdown (docs/performance.md explains them).
// micro: BenchmarkDotNet over the header codecs, the JSON bodies (generated vs reflection), the warm token lookups and table-key escaping (BenchmarkDotNet arguments follow).
switch (args)
{
    case ["report", .. var rest]:
        return await ReportCommand.RunAsync(ReportSettings.Parse(rest));
    case ["micro", .. var rest]:
        BenchmarkSwitcher.FromTypes([typeof(HeaderCodecBenchmarks), typeof(JsonBodyBenchmarks), typeof(TokenCacheBenchmarks), typeof(TableKeyBenchmarks)]).Run(rest.Length == 0 ? ["--filter", "*"] : rest);
        return 0;
    default:
        Console.Error.WriteLine("usage: report [--rounds 3 --duration 10 --connections 32 --devices 8 --signins 1000,10000 --poll 15 --out docs/performance-report.md] | micro [BenchmarkDotNet arguments]");
        return 2;
}
