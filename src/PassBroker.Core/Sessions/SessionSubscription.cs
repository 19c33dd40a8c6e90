namespace PassBroker.Core.Sessions;

/// <summary>A session as one read saw it, and a task that completes at the first change announced after that read began.</summary>
internal readonly record struct SessionSnapshot(AuthenticationSession? Session, Task ChangedAfter);

/// <summary>
/// One request's watch on a session (<see cref="SessionChangeNotifier.Subscribe"/>). Dispose it when the request ends:
/// the notifier forgets the session when its last watcher leaves.
/// </summary>
internal sealed class SessionSubscription : IDisposable
{
    private readonly SessionChangeNotifier _notifier;
    private readonly SessionChangeNotifier.Watch _watch;
    private int _disposed;

    internal SessionSubscription(SessionChangeNotifier notifier, SessionChangeNotifier.Watch watch)
    {
        _notifier = notifier;
        _watch = watch;
    }

    /// <summary>
    /// Reads the session, sharing the read with the session's other watchers: one already running is joined, and one
    /// finished less than <paramref name="maxAge"/> ago is reused, unless a change was announced since it began.
    /// </summary>
    public Task<SessionSnapshot> ReadAsync(Func<CancellationToken, Task<AuthenticationSession?>> read, TimeSpan maxAge, CancellationToken cancellationToken) =>
        _notifier.ReadAsync(_watch, read, maxAge, cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _notifier.Leave(_watch);
        }
    }
}
