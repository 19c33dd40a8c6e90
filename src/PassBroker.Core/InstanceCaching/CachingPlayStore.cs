using Microsoft.Extensions.Options;
using PassBroker.Core.Decisions.Rules;

namespace PassBroker.Core.InstanceCaching;

/// <summary>
/// The shared play leases with an in-memory copy of each device's set: read from the table at most once per
/// <see cref="InstanceCacheOptions.PlayLifetime"/>, and kept current by this instance's own lease writes (and their
/// undoing) in between. Every lease write still reaches the table: other instances (and restarts) must see the lease;
/// the copy is what lets <see cref="ConcurrentPlaysRule"/> skip the write while a lease is fresh.
/// </summary>
public sealed class CachingPlayStore(IPlayStore inner, IOptions<InstanceCacheOptions> options, TimeProvider time) : IPlayStore
{
    private readonly InstanceCache<IReadOnlyList<ActivePlay>> _copies = new(time, options.Value.MaxEntries);
    private readonly TimeSpan _lifetime = options.Value.PlayLifetime;

    public async Task<IReadOnlyList<ActivePlay>> ListActiveAsync(string deviceKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_copies.TryGet(deviceKey) is { } copy)
        {
            return Live(copy, now);
        }
        var active = await inner.ListActiveAsync(deviceKey, now, cancellationToken);
        _copies.Set(deviceKey, active, time.GetUtcNow() + _lifetime);
        return active;
    }

    public async Task<string?> RecordAsync(string deviceKey, string resource, DateTimeOffset leaseEnds, CancellationToken cancellationToken)
    {
        var version = await inner.RecordAsync(deviceKey, resource, leaseEnds, cancellationToken);
        _copies.Update(deviceKey, plays => Replace(plays, resource, new ActivePlay(resource, leaseEnds)));
        return version;
    }

    public async Task<bool> RestoreAsync(string deviceKey, string resource, ActivePlay? previous, string? version, CancellationToken cancellationToken)
    {
        var restored = await inner.RestoreAsync(deviceKey, resource, previous, version, cancellationToken);
        if (restored)
        {
            _copies.Update(deviceKey, plays => Replace(plays, resource, previous));
        }
        return restored;
    }

    public async Task RemoveAllAsync(string deviceKey, CancellationToken cancellationToken)
    {
        await inner.RemoveAllAsync(deviceKey, cancellationToken);
        _copies.Set(deviceKey, [], time.GetUtcNow() + _lifetime);
    }

    // The copy itself while every lease in it runs (the usual case, and every list here is a new one never changed
    // after it is stored, so callers may share it); a filtered list only once one has ended.
    private static IReadOnlyList<ActivePlay> Live(IReadOnlyList<ActivePlay> plays, DateTimeOffset now)
    {
        for (var i = 0; i < plays.Count; i++)
        {
            if (plays[i].LeaseEnds <= now)
            {
                return [.. plays.Where(play => play.LeaseEnds > now)];
            }
        }
        return plays;
    }

    private static IReadOnlyList<ActivePlay> Replace(IReadOnlyList<ActivePlay> plays, string resource, ActivePlay? play) =>
        play is null ? [.. plays.Where(p => p.Resource != resource)] : [.. plays.Where(p => p.Resource != resource), play];
}
