namespace PassBroker.Core.Caching;

public sealed partial class SingleFlightCache<TKey, TValue>
{
    /// <summary>
    /// Keeps the bound: when more than <c>maxEntries</c> are held, expired values go first, then the least recently used
    /// until a tenth of the room is free again, so a full cache trims once per many additions rather than on each. Least
    /// recently used, not oldest expiry: the copies on the hot path all get the same lifetime, and the devices that keep
    /// asking are the ones worth keeping. (The old rule, dropping everything, turned one busy minute into a cold start
    /// for every device at once.) Loads running are never trimmed; one caller trims while the others carry on.
    /// </summary>
    private void Trim()
    {
        if (Count <= _maxEntries || !_trimming.TryEnter())
        {
            return;
        }
        try
        {
            var now = _time.GetUtcNow();
            var kept = new List<KeyValuePair<TKey, Entry>>(_entries.Count);
            foreach (var pair in _entries)
            {
                if (pair.Value.Flight is not null)
                {
                    continue;
                }
                if (pair.Value.ExpiresAt <= now)
                {
                    TryRemove(pair.Key, pair.Value);
                }
                else
                {
                    kept.Add(pair);
                }
            }
            var target = _maxEntries - (_maxEntries / 10);
            var excess = Count - target;
            if (excess <= 0)
            {
                return;
            }
            kept.Sort((a, b) => a.Value.LastUsed.CompareTo(b.Value.LastUsed));
            foreach (var (key, entry) in kept.Take(excess))
            {
                TryRemove(key, entry);
            }
        }
        finally
        {
            _trimming.Exit();
        }
    }

    private bool TryAdd(TKey key, Entry entry)
    {
        if (!_entries.TryAdd(key, entry))
        {
            return false;
        }
        Interlocked.Increment(ref _count);
        return true;
    }

    private void Put(TKey key, Entry entry)
    {
        while (true)
        {
            if (_entries.TryGetValue(key, out var current) ? _entries.TryUpdate(key, entry, current) : TryAdd(key, entry))
            {
                Trim();
                return;
            }
        }
    }

    private void TryRemove(TKey key, Entry entry)
    {
        // Only that very entry: a newer one under the same key (a write, a fresh load) stays.
        if (_entries.TryRemove(KeyValuePair.Create(key, entry)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>A kept value, or a load running (<see cref="Flight"/> set). Compared by reference, never by value.</summary>
    private sealed class Entry
    {
        public Entry(TValue value, DateTimeOffset expiresAt, long lastUsed)
        {
            Value = value;
            ExpiresAt = expiresAt;
            LastUsed = lastUsed;
        }

        public Entry(Flight flight)
        {
            Value = default!;
            Flight = flight;
        }

        public TValue Value { get; }
        public DateTimeOffset ExpiresAt { get; }
        public Flight? Flight { get; }

        /// <summary>The cache's use counter at its last read: a torn or stale value only misorders a trim.</summary>
        public long LastUsed { get; set; }
    }

    /// <summary>One load and the callers waiting for it.</summary>
    private sealed class Flight
    {
        private readonly Lock _lock = new();
        private readonly TaskCompletionSource<TValue> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Not disposed: it has no timer, and cancelling it on one thread while the load ends on another must not race
        // a disposal.
        private readonly CancellationTokenSource _abandoned = new();
        private int _waiters = 1; // its starter
        private bool _left;

        public Task<TValue> Result => _result.Task;
        public CancellationToken Token => _abandoned.Token;

        public bool TryJoin()
        {
            lock (_lock)
            {
                if (_left)
                {
                    return false;
                }
                _waiters++;
                return true;
            }
        }

        /// <summary>One caller stops waiting; true when it was the last and the load had not ended, which cancels it.</summary>
        public bool Leave()
        {
            lock (_lock)
            {
                if (--_waiters > 0 || _result.Task.IsCompleted)
                {
                    return false;
                }
                _left = true;
            }
            _abandoned.Cancel();
            return true;
        }

        public void Succeed(TValue value) => _result.TrySetResult(value);

        public void Fail(Exception e)
        {
            _result.TrySetException(e);
            // Observed here: a failure every caller had left before is no unobserved task exception.
            _ = _result.Task.Exception;
        }
    }
}
