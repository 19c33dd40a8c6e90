using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace PassBroker.Testing.Hosting.Storage;

/// <summary>
/// Counts the Table Storage requests the client sends, per table, split into reads (GET: point reads and queries, one
/// per result page) and writes (everything else; a batch counts once). It sits in the client pipeline per call, so a
/// retry is not counted twice. Tests and benchmarks add it to the host's Table client options with
/// <see cref="CountIn"/>; production knows nothing of it.
/// </summary>
/// <param name="ignoredTables">Tables (logical names, matched at the end of the full name) not counted: work the host
/// does in the background on its own clock, e.g. the polling shards' <c>pendingsignins</c> rounds, which would otherwise
/// land in whatever request a test counts.</param>
public sealed class TableOperationCounter(params string[] ignoredTables) : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<(string Table, bool Read), int> _counts = new();

    /// <summary>Reads since the last <see cref="Reset"/>.</summary>
    public int Reads => _counts.Where(c => c.Key.Read).Sum(c => c.Value);

    /// <summary>Writes since the last <see cref="Reset"/>.</summary>
    public int Writes => _counts.Where(c => !c.Key.Read).Sum(c => c.Value);

    /// <summary>"table: reads r, writes w" per table, for messages and reports.</summary>
    public IReadOnlyDictionary<string, (int Reads, int Writes)> ByTable() =>
        _counts.GroupBy(c => c.Key.Table).ToDictionary(
            g => g.Key,
            g => (g.Where(c => c.Key.Read).Sum(c => c.Value), g.Where(c => !c.Key.Read).Sum(c => c.Value)),
            StringComparer.Ordinal);

    public void Reset() => _counts.Clear();

    /// <summary>
    /// Counts the requests of every <see cref="TableServiceClient"/> the host's Azure client factory builds (the
    /// options of all client names), as the first policy of each call. Call it on the host's services, before they
    /// are built.
    /// </summary>
    /// <param name="services">The host's services.</param>
    public IServiceCollection CountIn(IServiceCollection services) =>
        services.ConfigureAll<TableClientOptions>(options => options.AddPolicy(this, HttpPipelinePosition.PerCall));

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message.Request);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message.Request);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(Request request)
    {
        var table = TableOf(request.Uri.Path);
        if (ignoredTables.Any(ignored => table.EndsWith(ignored, StringComparison.Ordinal)))
        {
            return;
        }
        var key = (table, request.Method == RequestMethod.Get);
        _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    // "/devices(PartitionKey='a',RowKey='b')", "/devices()", Azurite's "/devstoreaccount1/devices", "/Tables", "/$batch".
    private static string TableOf(string path)
    {
        var segment = path.TrimEnd('/');
        segment = segment[(segment.LastIndexOf('/') + 1)..];
        var paren = segment.IndexOf('(', StringComparison.Ordinal);
        return paren >= 0 ? segment[..paren] : segment;
    }
}
