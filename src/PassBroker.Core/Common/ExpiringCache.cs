using System.Collections.Concurrent;

namespace PassBroker.Core.Common;

/// <summary>
/// A small in-memory cache whose entries live for a fixed time on the injected clock, and that loads each missing key
/// once however many callers ask at the same moment (single flight), so a burst of requests makes one upstream call.
/// A failed load is not cached: the next caller tries again.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>(TimeProvider time, TimeSpan lifetime)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<Entry>>> _entries = new();

    public async Task<TValue> GetOrLoadAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> load, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lazy = _entries.GetOrAdd(key, k => new Lazy<Task<Entry>>(() => LoadAsync(k, load)));
            Entry entry;
            try
            {
                entry = await lazy.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                _entries.TryRemove(KeyValuePair.Create(key, lazy));
                throw;
            }

            if (entry.ExpiresAt > time.GetUtcNow())
            {
                return entry.Value;
            }
            // Expired: drop exactly this entry (a fresher one may already be loading) and go round again.
            _entries.TryRemove(KeyValuePair.Create(key, lazy));
        }
    }

    public void Remove(TKey key) => _entries.TryRemove(key, out _);

    /// <summary>Puts a value known from elsewhere, as if it had just been loaded.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">Its value.</param>
    public void Set(TKey key, TValue value)
    {
        var entry = Task.FromResult(new Entry(value, time.GetUtcNow() + lifetime));
        _entries[key] = new Lazy<Task<Entry>>(entry);
    }

    // The load runs without the first caller's token: other callers share it, and one leaving must not fail them all.
    private async Task<Entry> LoadAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> load)
    {
        var value = await load(key, CancellationToken.None);
        return new Entry(value, time.GetUtcNow() + lifetime);
    }

    private sealed record Entry(TValue Value, DateTimeOffset ExpiresAt);
}
