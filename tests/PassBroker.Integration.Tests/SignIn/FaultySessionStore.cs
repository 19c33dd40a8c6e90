using PassBroker.Core.Sessions;

namespace PassBroker.Integration.Tests.SignIn;

/// <summary>
/// The DevHost's real session store (Table Storage on Azurite), except that the next reads a test arms fail with the
/// exceptions it gives: a storage outage, or a bug. Only reads fail, so a failed poll writes nothing.
/// </summary>
internal sealed class FaultySessionStore(ISessionStore inner) : ISessionStore
{
    private readonly Queue<Exception> _armed = new();

    /// <summary>How many reads have failed so far, and how many were made.</summary>
    public (int Failed, int Reads) Counts { get; private set; }

    public void FailNextReads(params Exception[] failures)
    {
        lock (_armed)
        {
            foreach (var failure in failures)
            {
                _armed.Enqueue(failure);
            }
        }
    }

    public Task<AuthenticationSession?> FindAsync(string deviceKey, string code, CancellationToken cancellationToken)
    {
        lock (_armed)
        {
            var failure = _armed.TryDequeue(out var next) ? next : null;
            Counts = (Counts.Failed + (failure is null ? 0 : 1), Counts.Reads + 1);
            return failure is null ? inner.FindAsync(deviceKey, code, cancellationToken) : Task.FromException<AuthenticationSession?>(failure);
        }
    }

    public Task<IReadOnlyList<AuthenticationSession>> FindByCodeAsync(string code, IReadOnlyCollection<string> brands,
        CancellationToken cancellationToken) => inner.FindByCodeAsync(code, brands, cancellationToken);

    public Task<AuthenticationSession> AddAsync(AuthenticationSession session, CancellationToken cancellationToken) =>
        inner.AddAsync(session, cancellationToken);

    public Task<PendingSessionStart> StartPendingAsync(AuthenticationSession session, Func<AuthenticationSession, AuthenticationSession> endReplaced,
        CancellationToken cancellationToken) => inner.StartPendingAsync(session, endReplaced, cancellationToken);

    public Task<AuthenticationSession> UpdateAsync(AuthenticationSession session, CancellationToken cancellationToken) =>
        inner.UpdateAsync(session, cancellationToken);

    public IAsyncEnumerable<AuthenticationSession> ListPendingAsync(string? deviceKey, CancellationToken cancellationToken) =>
        inner.ListPendingAsync(deviceKey, cancellationToken);

    public IAsyncEnumerable<AuthenticationSession> ListHoldingProfilesAsync(string deviceKey, CancellationToken cancellationToken) =>
        inner.ListHoldingProfilesAsync(deviceKey, cancellationToken);
}
