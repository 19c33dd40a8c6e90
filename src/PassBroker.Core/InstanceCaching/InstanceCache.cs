using System.Collections.Concurrent;

namespace PassBroker.Core.InstanceCaching;

/// <summary>
/// In-memory copies of shared rows, each valid until its own expiry on the injected clock. Bounded: when it holds more
/// than <c>maxEntries</c>, expired copies are swept, and if that is not enough, everything is dropped (a copy is only
/// ever a saved read, so dropping costs reads, never correctness).
/// </summary>
public sealed class InstanceCache<TValue>(TimeProvider time, int maxEntries)
    where TValue : class
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public TValue? TryGet(string key) =>
        _entries.TryGetValue(key, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.Value : null;

    /// <summary>Keeps <paramref name="value"/> until <paramref name="expiresAt"/>; a null value, or an expiry not in the
    /// future (a lifetime of zero turns a copy off), forgets the key instead.</summary>
    public void Set(string key, TValue? value, DateTimeOffset expiresAt)
    {
        if (value is null || expiresAt <= time.GetUtcNow())
        {
            _entries.TryRemove(key, out _);
            return;
        }
        _entries[key] = new Entry(value, expiresAt);
        if (_entries.Count > maxEntries)
        {
            Sweep();
        }
    }

    /// <summary>Changes a live copy in place (keeping its expiry); a missing or expired copy stays missing.</summary>
    public void Update(string key, Func<TValue, TValue> change)
    {
        while (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > time.GetUtcNow())
        {
            if (_entries.TryUpdate(key, entry with { Value = change(entry.Value) }, entry))
            {
                return;
            }
        }
    }

    public void Remove(string key) => _entries.TryRemove(key, out _);

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
        if (_entries.Count > maxEntries)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(TValue Value, DateTimeOffset ExpiresAt);
}
