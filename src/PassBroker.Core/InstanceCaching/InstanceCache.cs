using PassBroker.Core.Caching;

namespace PassBroker.Core.InstanceCaching;

/// <summary>
/// In-memory copies of shared rows, each valid until its own expiry on the injected clock: a
/// <see cref="SingleFlightCache{TKey, TValue}"/> (bounded, least recently used out) seen as copies, where null means
/// "no copy". A copy is only ever a saved read, so losing one costs a read, never correctness.
/// </summary>
public sealed class InstanceCache<TValue>(TimeProvider time, int maxEntries)
    where TValue : class
{
    // The lifetime is always given with the copy; this one is never used.
    private readonly SingleFlightCache<string, TValue> _copies = new(time, maxEntries, TimeSpan.Zero, StringComparer.Ordinal);

    public int Count => _copies.Count;

    public TValue? TryGet(string key) => _copies.TryGet(key, out var copy) ? copy : null;

    /// <summary>Keeps <paramref name="value"/> until <paramref name="expiresAt"/>; a null value, or an expiry not in the
    /// future (a lifetime of zero turns a copy off), forgets the key instead.</summary>
    public void Set(string key, TValue? value, DateTimeOffset expiresAt)
    {
        if (value is null)
        {
            _copies.Remove(key);
            return;
        }
        _copies.Set(key, value, expiresAt);
    }

    /// <summary>Changes a live copy in place (keeping its expiry); a missing or expired copy stays missing.</summary>
    public void Update(string key, Func<TValue, TValue> change) => _copies.Update(key, change);

    public void Remove(string key) => _copies.Remove(key);
}
