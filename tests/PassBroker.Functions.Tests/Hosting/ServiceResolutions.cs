using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace PassBroker.Functions.Tests.Hosting;

/// <summary>
/// Every service type a container is asked for (found or not), from the DI event source's ServiceResolved events, which
/// it writes on each lookup, the optional ones in factories included. Events are written on the asking thread, so the
/// record is complete when the lookup returns.
/// </summary>
internal sealed class ServiceResolutions : EventListener
{
    private const string SourceName = "Microsoft-Extensions-DependencyInjection";
    private readonly ConcurrentQueue<(string ServiceType, int Provider)> _resolved = new();

    /// <summary>The service types asked of <paramref name="provider"/> (the root provider; its scopes report as it).</summary>
    /// <param name="provider">The host's services.</param>
    public IEnumerable<string> Of(IServiceProvider provider) =>
        _resolved.Where(r => r.Provider == provider.GetHashCode()).Select(r => r.ServiceType);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == SourceName)
        {
            EnableEvents(eventSource, EventLevel.Verbose);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName == "ServiceResolved" && eventData.Payload is [string serviceType, int provider])
        {
            _resolved.Enqueue((serviceType, provider));
        }
    }
}
