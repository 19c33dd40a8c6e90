using BenchmarkDotNet.Running;
using PassBroker.Benchmarks.Allocations;
using PassBroker.Benchmarks.Durable;
using PassBroker.Benchmarks.Micro;
using PassBroker.Benchmarks.Report;

// report: the load, storage and sign-in-scale measurements, written as Markdown (docs/performance.md explains them).
// durable-storage: the Durable polling's storage requests on the Azure Storage provider against Azurite, per shape.
// alloc: bytes PassBroker allocates per warm authorize, in-process (load-independent), with the types allocated.
// micro: BenchmarkDotNet over the header codecs, the JSON bodies (generated vs reflection), the warm token lookups and table-key escaping (BenchmarkDotNet arguments follow).
switch (args)
{
    case ["report", .. var rest]:
        return await ReportCommand.RunAsync(ReportSettings.Parse(rest));
    case ["durable-storage", .. var rest]:
        return await DurableStorageCommand.RunAsync(DurableStorageSettings.Parse(rest), Console.Out);
    case ["alloc", .. var rest]:
        return await AllocationsCommand.RunAsync(AllocationSettings.Parse(rest), Console.Out);
    case ["micro", .. var rest]:
        BenchmarkSwitcher.FromTypes([typeof(HeaderCodecBenchmarks), typeof(JsonBodyBenchmarks), typeof(TokenCacheBenchmarks), typeof(TableKeyBenchmarks)]).Run(rest.Length == 0 ? ["--filter", "*"] : rest);
        return 0;
    default:
        Console.Error.WriteLine("usage: report [--rounds 3 --duration 10 --connections 32 --devices 8 --signins 1000,10000 --poll 15 --out docs/performance-report.md] | durable-storage [--shape both|per-signin|sharded|idle --idle-window 60 --signins 50 --polls 8 --interval 10 --tick 5 --shards 4 --project 100000] | alloc [--requests 20000 --warmup 2000 --concurrency 4 --devices 4 --types 25] | micro [BenchmarkDotNet arguments]");
        return 2;
}
