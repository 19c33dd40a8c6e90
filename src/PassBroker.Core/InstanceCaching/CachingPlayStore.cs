using Microsoft.Extensions.Options;
using PassBroker.Core.Decisions.Rules;

namespace PassBroker.Core.InstanceCaching;

/// <summary>
/// The shared play leases with an in-memory copy of each device's set: read from the table at most once per
/// <see cref="InstanceCacheOptions.PlayLifetime"/>, and kept current by this instance's own permits in between. The
/// write on every permit stays: other instances (and restarts) must see the lease.
/// </summary>
public sealed class CachingPlayStore(IPlayStore inner, IOptions<InstanceCacheOptions> options, TimeProvider time) : IPlayStore
{
    private readonly InstanceCache<IReadOnlyList<ActivePlay>> _copies = new(time, options.Value.MaxEntries);
    private readonly TimeSpan _lifetime = options.Value.PlayLifetime;

    public async Task<IReadOnlyList<ActivePlay>> ListActiveAsync(string deviceKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_copies.TryGet(deviceKey) is { } copy)
        {
            return [.. copy.Where(play => play.LeaseEnds > now)];
        }
        var active = await inner.ListActiveAsync(deviceKey, now, cancellationToken);
        _copies.Set(deviceKey, active, time.GetUtcNow() + _lifetime);
        return active;
    }

    public async Task RecordAsync(string deviceKey, string resource, DateTimeOffset leaseEnds, CancellationToken cancellationToken)
    {
        await inner.RecordAsync(deviceKey, resource, leaseEnds, cancellationToken);
        _copies.Update(deviceKey, plays => [.. plays.Where(play => play.Resource != resource), new ActivePlay(resource, leaseEnds)]);
    }

    public async Task RemoveAllAsync(string deviceKey, CancellationToken cancellationToken)
    {
        await inner.RemoveAllAsync(deviceKey, cancellationToken);
        _copies.Set(deviceKey, [], time.GetUtcNow() + _lifetime);
    }
}
