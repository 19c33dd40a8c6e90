using System.Threading.RateLimiting;

namespace PassBroker.Http.Limits;

/// <summary>Which count refused a request.</summary>
public enum LimitScope
{
    /// <summary>The client's own count (its address, or its IPv6 /64).</summary>
    Client,

    /// <summary>The instance's count of all clients together.</summary>
    Instance,
}

/// <summary>A refusal: which count said no, and when the caller may try again.</summary>
public readonly record struct LimitRefusal(LimitScope Scope, TimeSpan RetryAfter);

/// <summary>
/// One kind of request counted per client and, where asked, per instance, in fixed windows. In-process
/// (System.Threading.RateLimiting) rather than ASP.NET Core's middleware, so it works the same in the Functions host. The
/// client's count is asked first, so a client over its own limit never uses up the instance's; a request the instance
/// refuses has still used its client's.
/// </summary>
public sealed class ClientLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perClient;
    private readonly RateLimiter? _perInstance;
    private readonly TimeSpan _window;

    /// <param name="perClient">Requests one client may make in a window.</param>
    /// <param name="perInstance">Requests all clients together may make in a window on this instance; null for no such count.</param>
    /// <param name="window">The window.</param>
    public ClientLimiter(int perClient, int? perInstance, TimeSpan window)
    {
        _window = window;
        _perClient = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => Window(perClient, window)));
        _perInstance = perInstance is { } limit ? new FixedWindowRateLimiter(Window(limit, window)) : null;
    }

    /// <param name="clientGroup">The client's key (<see cref="Edge.ClientAddressGroups"/>).</param>
    /// <returns>Null when the request may go ahead.</returns>
    public LimitRefusal? TryEnter(string clientGroup)
    {
        using (var client = _perClient.AttemptAcquire(clientGroup))
        {
            if (!client.IsAcquired)
            {
                return new LimitRefusal(LimitScope.Client, RetryAfter(client));
            }
        }
        if (_perInstance is null)
        {
            return null;
        }
        using var instance = _perInstance.AttemptAcquire();
        return instance.IsAcquired ? null : new LimitRefusal(LimitScope.Instance, RetryAfter(instance));
    }

    public void Dispose()
    {
        _perClient.Dispose();
        _perInstance?.Dispose();
    }

    private TimeSpan RetryAfter(RateLimitLease lease) => lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _window;

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
