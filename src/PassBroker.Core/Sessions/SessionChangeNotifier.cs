using PassBroker.Core.Caching;

namespace PassBroker.Core.Sessions;

/// <summary>
/// The long polls of this instance, per device and code. It wakes them as soon as a session changes here, and lets
/// them share one storage read: 300 long polls on one code used to re-read its row 300 times every recheck. Other
/// instances' changes are seen by the long poll's periodic re-read, so the wake-up is a latency optimisation, never
/// the source of truth.
/// </summary>
/// <remarks>
/// An entry exists only while a request holds a <see cref="SessionSubscription"/> on it: the last one to leave removes
/// it, whether the session changed, the wait ran out or the client went away. (A session that ended on another instance
/// used to leave its waiter here for good.) The shared read is a <see cref="SingleFlightCache{TKey, TValue}"/> entry
/// of its watch: each waiter's wait ends with its request, and the read itself is cancelled once no waiter is left.
/// </remarks>
public sealed class SessionChangeNotifier(TimeProvider time)
{
    // Entries leave with their watch; the bound only matters past this many sessions watched at once on one instance,
    // where the least recently read costs one more read.
    private const int MaxSharedReads = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Watch> _watches = new(StringComparer.Ordinal);
    private readonly SingleFlightCache<Watch, SharedRead> _reads = new(time, MaxSharedReads, (read, _) => read.ReusableUntil);

    /// <summary>Sessions some request is watching now; zero when no long poll runs on this instance.</summary>
    public int WatchedSessions
    {
        get
        {
            lock (_lock)
            {
                return _watches.Count;
            }
        }
    }

    /// <summary>Starts watching the session; dispose the subscription when the request ends.</summary>
    internal SessionSubscription Subscribe(string deviceKey, string code)
    {
        var key = Key(deviceKey, code);
        lock (_lock)
        {
            if (!_watches.TryGetValue(key, out var watch))
            {
                watch = new Watch(key);
                _watches.Add(key, watch);
            }
            watch.Subscribers++;
            return new SessionSubscription(this, watch);
        }
    }

    /// <summary>The session was written here: wake its watchers, and let no read from before the write answer them.</summary>
    public void Notify(string deviceKey, string code)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            if (!_watches.TryGetValue(Key(deviceKey, code), out var watch))
            {
                return;
            }
            changed = watch.Changed;
            watch.Changed = NewSignal();
            // A read running now may have missed the write: no later waiter joins it.
            _reads.Remove(watch);
        }
        changed.TrySetResult();
    }

    internal async Task<SessionSnapshot> ReadAsync(Watch watch, Func<CancellationToken, Task<AuthenticationSession?>> read,
        TimeSpan maxAge, CancellationToken cancellationToken)
    {
        // A read already running is joined whatever its age: it sees the row at least as of its start, and no change
        // was announced since (Notify drops it). A finished one is reused while younger than maxAge.
        var shared = await _reads.GetOrLoadAsync(watch, async (_, readCancellation) =>
        {
            DateTimeOffset startedAt;
            Task changedAfter;
            lock (_lock)
            {
                startedAt = time.GetUtcNow();
                changedAfter = watch.Changed.Task;
            }
            return new SharedRead(await read(readCancellation), changedAfter, startedAt + maxAge);
        }, cancellationToken);
        return new SessionSnapshot(shared.Session, shared.ChangedAfter);
    }

    internal void Leave(Watch watch)
    {
        lock (_lock)
        {
            if (--watch.Subscribers == 0)
            {
                _watches.Remove(watch.Key);
                _reads.Remove(watch);
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Key(string deviceKey, string code) => $"{deviceKey}\n{code}";

    /// <summary>One watched session; every field is guarded by the notifier's lock. Compared by reference.</summary>
    internal sealed class Watch(string key)
    {
        public string Key { get; } = key;
        public int Subscribers { get; set; }
        public TaskCompletionSource Changed { get; set; } = NewSignal();
    }

    /// <summary>One storage read of a watched session, the signal of the first change after it started, and until when
    /// its answer may serve other waiters.</summary>
    internal sealed record SharedRead(AuthenticationSession? Session, Task ChangedAfter, DateTimeOffset ReusableUntil);
}
