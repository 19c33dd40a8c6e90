using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PassBroker.Benchmarks.Durable;

/// <summary>
/// Counts every request the storage clients send, by <see cref="StorageRequest"/>. Added to each client's pipeline per
/// retry, so an SDK retry is a second request (as storage sees and bills it), next to the transport: nothing the
/// clients send passes by it. One instance per run; <see cref="Snapshot"/> and <see cref="Since"/> cut windows.
/// </summary>
internal sealed class StorageRequestCounter(string taskHub)
{
    private readonly ConcurrentDictionary<StorageRequest, long> _counts = new();

    // A field, not the primary constructor's parameter: the nested policy reads it through its counter.
    private readonly string _taskHub = taskHub;

    /// <summary>The pipeline policy to add to the client options of <paramref name="service"/>.</summary>
    public HttpPipelinePolicy PolicyFor(string service) => new Policy(this, service);

    public void Record(StorageRequest request) => _counts.AddOrUpdate(request, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<StorageRequest, long> Snapshot() => new Dictionary<StorageRequest, long>(_counts);

    /// <summary>The requests counted after <paramref name="earlier"/> was taken.</summary>
    public IReadOnlyDictionary<StorageRequest, long> Since(IReadOnlyDictionary<StorageRequest, long> earlier) =>
        Difference(Snapshot(), earlier);

    public static IReadOnlyDictionary<StorageRequest, long> Difference(
        IReadOnlyDictionary<StorageRequest, long> later, IReadOnlyDictionary<StorageRequest, long> earlier) =>
        later.Select(pair => (pair.Key, Count: pair.Value - earlier.GetValueOrDefault(pair.Key)))
            .Where(pair => pair.Count > 0)
            .ToDictionary(pair => pair.Key, pair => pair.Count);

    private sealed class Policy(StorageRequestCounter counter, string service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            message.Request.Headers.TryGetValue("x-ms-lease-action", out var leaseAction);
            counter.Record(StorageRequest.Classify(service, message.Request.Method.Method, message.Request.Uri.ToUri(), leaseAction, counter._taskHub));
        }
    }
}
