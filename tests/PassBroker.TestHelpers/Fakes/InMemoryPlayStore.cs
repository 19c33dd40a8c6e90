using System.Collections.Concurrent;
using PassBroker.Core.Decisions.Rules;

namespace PassBroker.TestHelpers.Fakes;

/// <summary>
/// An <see cref="IPlayStore"/> on a dictionary: one lease per device and resource, as in the table, each write a new
/// version (the table's ETag); counts its writes and restores.
/// </summary>
public sealed class InMemoryPlayStore : IPlayStore
{
    private readonly ConcurrentDictionary<(string DeviceKey, string Resource), (DateTimeOffset LeaseEnds, string Version)> _leases = new();
    private int _versions;
    private int _writes;
    private int _writesStarted;
    private int _restores;

    /// <summary>Leases written (<see cref="RecordAsync"/>) so far.</summary>
    public int Writes => _writes;

    /// <summary>Calls of <see cref="RecordAsync"/> so far, written or still held by <see cref="HoldWrites"/>.</summary>
    public int WritesStarted => _writesStarted;

    /// <summary>Writes taken back (<see cref="RestoreAsync"/> that changed something) so far.</summary>
    public int Restores => _restores;

    /// <summary>When set, <see cref="RecordAsync"/> waits for it before writing: a test holds a write in flight.</summary>
    public TaskCompletionSource? HoldWrites { get; set; }

    public Task<IReadOnlyList<ActivePlay>> ListActiveAsync(string deviceKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<ActivePlay> active = _leases
            .Where(lease => lease.Key.DeviceKey == deviceKey)
            .Where(lease => lease.Value.LeaseEnds > now)
            .Select(lease => new ActivePlay(lease.Key.Resource, lease.Value.LeaseEnds))
            .ToList();
        return Task.FromResult(active);
    }

    public async Task<string?> RecordAsync(string deviceKey, string resource, DateTimeOffset leaseEnds, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writesStarted);
        if (HoldWrites is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }
        var version = "v" + Interlocked.Increment(ref _versions);
        _leases[(deviceKey, resource)] = (leaseEnds, version);
        Interlocked.Increment(ref _writes);
        return version;
    }

    public Task<bool> RestoreAsync(string deviceKey, string resource, ActivePlay? previous, string? version, CancellationToken cancellationToken)
    {
        var key = (deviceKey, resource);
        if (!_leases.TryGetValue(key, out var current) || (version is not null && current.Version != version))
        {
            return Task.FromResult(false);
        }
        if (previous is null)
        {
            _leases.TryRemove(key, out _);
        }
        else
        {
            _leases[key] = (previous.LeaseEnds, "v" + Interlocked.Increment(ref _versions));
        }
        Interlocked.Increment(ref _restores);
        return Task.FromResult(true);
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
