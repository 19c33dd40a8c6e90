using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace PassBroker.Core.Caching;

/// <summary>
/// The one in-memory cache of the code base: values by key, each kept until its own expiry on the injected clock, at
/// most <c>maxEntries</c> of them, and each missing key loaded once however many callers ask at the same moment.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Lifetime: fixed, or computed from the loaded value (a token's expiry minus a margin). A value whose lifetime is
/// already over when it arrives is still handed to the callers of its load, and not kept.</item>
/// <item>Single flight: callers of a key share one load. A failed load is not cached: its callers see the failure, the
/// next caller loads again.</item>
/// <item>Cancellation: a caller's token ends only its own wait. The load runs on a token of its own, cancelled when its
/// last caller has left, so nothing runs for nobody and a hung upstream call cannot hold callers who come later: they
/// start a new load.</item>
/// <item>Writes win over reads: <see cref="Set(TKey, TValue, DateTimeOffset)"/> or <see cref="Remove(TKey)"/> during a load
/// keeps the load's result from being stored (it may have read what the write replaced); its callers still get it.</item>
/// <item>Bounded, least recently used out: see <see cref="Trim"/>.</item>
/// </list>
/// </remarks>
public sealed partial class SingleFlightCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries;
    private readonly TimeProvider _time;
    private readonly Func<TValue, DateTimeOffset, DateTimeOffset> _expiresAt;
    private readonly int _maxEntries;
    private readonly Lock _trimming = new();
    private int _count;
    private long _uses;

    /// <param name="time">The clock.</param>
    /// <param name="maxEntries">The most values kept.</param>
    /// <param name="lifetime">How long each value is kept after it is loaded or set.</param>
    /// <param name="comparer">Key equality; the default comparer when null.</param>
    public SingleFlightCache(TimeProvider time, int maxEntries, TimeSpan lifetime, IEqualityComparer<TKey>? comparer = null)
        : this(time, maxEntries, (_, now) => now + lifetime, comparer)
    {
    }

    /// <param name="time">The clock.</param>
    /// <param name="maxEntries">The most values kept.</param>
    /// <param name="expiresAt">When a value loaded or set now (the second argument) stops being served.</param>
    /// <param name="comparer">Key equality; the default comparer when null.</param>
    public SingleFlightCache(TimeProvider time, int maxEntries, Func<TValue, DateTimeOffset, DateTimeOffset> expiresAt,
        IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        _time = time;
        _maxEntries = maxEntries;
        _expiresAt = expiresAt;
        _entries = new ConcurrentDictionary<TKey, Entry>(comparer);
    }

    /// <summary>Values kept and loads running; it may pass the bound briefly while a trim runs.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The key's value if one is kept and live; never waits for a load.</summary>
    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Flight is null)
        {
            if (entry.ExpiresAt > _time.GetUtcNow())
            {
                entry.LastUsed = Interlocked.Increment(ref _uses);
                value = entry.Value;
                return true;
            }
            TryRemove(key, entry);
        }
        value = default;
        return false;
    }

    /// <summary>The key's live value, else the result of a load shared with every caller asking meanwhile.</summary>
    /// <param name="key">The key.</param>
    /// <param name="load">Loads the value; its token is cancelled when every caller waiting for it has left.</param>
    /// <param name="cancellationToken">Ends this caller's wait, not the load (unless it was the last one waiting).</param>
    public async Task<TValue> GetOrLoadAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> load, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_entries.TryGetValue(key, out var current))
            {
                if (current.Flight is null && current.ExpiresAt > _time.GetUtcNow())
                {
                    current.LastUsed = Interlocked.Increment(ref _uses);
                    return current.Value;
                }
                if (current.Flight is { } running && running.TryJoin())
                {
                    return await WaitAsync(key, current, running, cancellationToken);
                }
                // Expired, or its load abandoned by its last caller: clear exactly that entry and go round again.
                TryRemove(key, current);
                continue;
            }

            var flight = new Flight();
            var loading = new Entry(flight);
            if (!TryAdd(key, loading))
            {
                continue;
            }
            _ = RunAsync(key, loading, flight, load);
            return await WaitAsync(key, loading, flight, cancellationToken);
        }
    }

    /// <summary>Keeps a value known from elsewhere (a write), with the lifetime a load of it would get.</summary>
    public void Set(TKey key, TValue value) => Set(key, value, _expiresAt(value, _time.GetUtcNow()));

    /// <summary>Keeps a value until <paramref name="expiresAt"/>; an expiry not in the future forgets the key instead.</summary>
    public void Set(TKey key, TValue value, DateTimeOffset expiresAt)
    {
        if (expiresAt <= _time.GetUtcNow())
        {
            Remove(key);
            return;
        }
        Put(key, new Entry(value, expiresAt, Interlocked.Increment(ref _uses)));
    }

    /// <summary>Changes a live value in place, keeping its expiry; a missing or expired value stays missing.</summary>
    public void Update(TKey key, Func<TValue, TValue> change)
    {
        while (_entries.TryGetValue(key, out var entry) && entry.Flight is null && entry.ExpiresAt > _time.GetUtcNow())
        {
            if (_entries.TryUpdate(key, new Entry(change(entry.Value), entry.ExpiresAt, Interlocked.Increment(ref _uses)), entry))
            {
                return;
            }
        }
    }

    /// <summary>Forgets the key; a load running for it goes on for its callers, but its result is not kept.</summary>
    public void Remove(TKey key)
    {
        if (_entries.TryRemove(key, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>Forgets the key's value if <paramref name="unusable"/> says so (a token the upstream just refused).</summary>
    public void Remove(TKey key, Func<TValue, bool> unusable)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Flight is null && unusable(entry.Value))
        {
            TryRemove(key, entry);
        }
    }

    private async Task<TValue> WaitAsync(TKey key, Entry entry, Flight flight, CancellationToken cancellationToken)
    {
        try
        {
            return await flight.Result.WaitAsync(cancellationToken);
        }
        finally
        {
            if (flight.Leave())
            {
                // The last caller left a load still running: it is cancelled, and the next caller starts afresh.
                TryRemove(key, entry);
            }
        }
    }

    private async Task RunAsync(TKey key, Entry loading, Flight flight, Func<TKey, CancellationToken, Task<TValue>> load)
    {
        try
        {
            var value = await load(key, flight.Token);
            var expiresAt = _expiresAt(value, _time.GetUtcNow());
            var kept = expiresAt > _time.GetUtcNow()
                && _entries.TryUpdate(key, new Entry(value, expiresAt, Interlocked.Increment(ref _uses)), loading);
            if (!kept)
            {
                TryRemove(key, loading);
            }
            Trim();
            flight.Succeed(value);
        }
        catch (Exception e)
        {
            TryRemove(key, loading);
            flight.Fail(e);
        }
    }
}
