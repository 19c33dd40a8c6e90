using System.Collections.Concurrent;
using PassBroker.Core.Decisions.Rules;

namespace PassBroker.TestHelpers.Fakes;

/// <summary>An <see cref="IPlayStore"/> on a dictionary: one lease per device and resource, as in the table.</summary>
public sealed class InMemoryPlayStore : IPlayStore
{
    private readonly ConcurrentDictionary<(string DeviceKey, string Resource), DateTimeOffset> _leases = new();

    public Task<IReadOnlyList<ActivePlay>> ListActiveAsync(string deviceKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<ActivePlay> active = _leases
            .Where(lease => lease.Key.DeviceKey == deviceKey && lease.Value > now)
            .Select(lease => new ActivePlay(lease.Key.Resource, lease.Value))
            .ToList();
        return Task.FromResult(active);
    }

    public Task RecordAsync(string deviceKey, string resource, DateTimeOffset leaseEnds, CancellationToken cancellationToken)
    {
        _leases[(deviceKey, resource)] = leaseEnds;
        return Task.CompletedTask;
    }

    public Task RemoveAllAsync(string deviceKey, CancellationToken cancellationToken)
    {
        foreach (var key in _leases.Keys.Where(key => key.DeviceKey == deviceKey))
        {
            _leases.TryRemove(key, out _);
        }
        return Task.CompletedTask;
    }
}
