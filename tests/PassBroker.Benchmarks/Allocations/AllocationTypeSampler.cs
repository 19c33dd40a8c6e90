using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace PassBroker.Benchmarks.Allocations;

/// <summary>
/// Which types a stretch of work allocates, sampled in-process from the runtime's <c>GCAllocationTick</c> event (one
/// event per ≈ 100 KB allocated, naming the type whose allocation crossed the mark), so the bytes per type are an
/// estimate that sharpens with the number of requests. Stacks need <c>dotnet-trace --profile gc-verbose</c>.
/// </summary>
internal sealed class AllocationTypeSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int AllocationTickEventId = 10;

    private ConcurrentDictionary<string, long>? _bytes;

    /// <summary>Starts counting into a new set.</summary>
    public void Start() => _bytes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Stops counting.</summary>
    /// <returns>Sampled bytes per type name.</returns>
    public IReadOnlyDictionary<string, long> Stop()
    {
        var bytes = _bytes ?? new ConcurrentDictionary<string, long>();
        _bytes = null;
        return bytes;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTickEventId || _bytes is not { } bytes || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }
        var type = names.IndexOf("TypeName") is var t and >= 0 ? payload[t] as string ?? "?" : "?";
        // The tick's amount is the bytes allocated since the previous tick (≈ 100 KB), charged to the type that crossed it.
        var amount = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(payload[a], System.Globalization.CultureInfo.InvariantCulture) : 0;
        bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
