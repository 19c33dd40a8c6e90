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
/// used to leave its waiter here for good.)
/// </remarks>
public sealed class SessionChangeNotifier(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Watch> _watches = new(StringComparer.Ordinal);

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
            watch.LastRead = null;
        }
        changed.TrySetResult();
    }

    internal async Task<SessionSnapshot> ReadAsync(Watch watch, Func<CancellationToken, Task<AuthenticationSession?>> read,
        TimeSpan maxAge, CancellationToken cancellationToken)
    {
        SharedRead shared;
        var start = false;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var last = watch.LastRead;
            // A read already running is joined whatever its age: it sees the row at least as of its start, and no change
            // was announced since (Notify drops it). A finished one is reused while younger than maxAge.
            if (last is not null && (!last.Result.IsCompleted || (last.Result.IsCompletedSuccessfully && now - last.StartedAt < maxAge)))
            {
                shared = last;
            }
            else
            {
                shared = watch.LastRead = new SharedRead(now, watch.Changed.Task);
                start = true;
            }
        }
        if (start)
        {
            // Not the starter's token: the read is everyone's, and one client going away must not fail the others.
            _ = shared.RunAsync(read);
        }
        return new SessionSnapshot(await shared.Result.WaitAsync(cancellationToken), shared.ChangedAfter);
    }

    internal void Leave(Watch watch)
    {
        lock (_lock)
        {
            if (--watch.Subscribers == 0)
            {
                _watches.Remove(watch.Key);
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Key(string deviceKey, string code) => $"{deviceKey}\n{code}";

    /// <summary>One watched session; every field is guarded by the notifier's lock.</summary>
    internal sealed class Watch(string key)
    {
        public string Key { get; } = key;
        public int Subscribers { get; set; }
        public TaskCompletionSource Changed { get; set; } = NewSignal();
        public SharedRead? LastRead { get; set; }
    }

    /// <summary>One storage read of a watched session, and the signal of the first change after it started.</summary>
    internal sealed class SharedRead(DateTimeOffset startedAt, Task changedAfter)
    {
        private readonly TaskCompletionSource<AuthenticationSession?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DateTimeOffset StartedAt { get; } = startedAt;
        public Task ChangedAfter { get; } = changedAfter;
        public Task<AuthenticationSession?> Result => _result.Task;

        /// <summary>Never faults: the read's failure goes to the waiters.</summary>
        public async Task RunAsync(Func<CancellationToken, Task<AuthenticationSession?>> read)
        {
            try
            {
                _result.TrySetResult(await read(CancellationToken.None));
            }
            catch (Exception e)
            {
                // Each waiter gets the failure (storage unavailable: 503); a failed read is never reused. Observed here,
                // so that a failure every waiter had left before is no unobserved task exception.
                _result.TrySetException(e);
                _ = _result.Task.Exception;
            }
        }
    }
}
