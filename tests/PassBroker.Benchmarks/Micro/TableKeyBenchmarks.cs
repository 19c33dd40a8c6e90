using BenchmarkDotNet.Attributes;
using PassBroker.Storage.Tables;

namespace PassBroker.Benchmarks.Micro;

/// <summary>Key escaping runs on every table call: the common key needs none, a resource id (MRSS, URLs) often does.</summary>
[MemoryDiagnoser]
public class TableKeyBenchmarks
{
    public const string PlainKey = "d-3q2+7w1b0cVt4x9kPzQ";
    public const string UrlKey = "https://tv.example/shows/late-night?season=2#episode/7";

    private readonly string _escaped = TableKeys.Escape(UrlKey);

    [Benchmark(Baseline = true)]
    public string EscapePlain() => TableKeys.Escape(PlainKey);

    [Benchmark]
    public string EscapeUrl() => TableKeys.Escape(UrlKey);

    [Benchmark]
    public string UnescapeUrl() => TableKeys.Unescape(_escaped);
}
