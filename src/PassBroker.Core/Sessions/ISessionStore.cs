namespace PassBroker.Core.Sessions;

/// <summary>Persistent sign-in sessions, partitioned by device key, keyed by code. Writes use optimistic concurrency.</summary>
public interface ISessionStore
{
    /// <summary>The device's session with that code, or null (also when the code belongs to another device).</summary>
    Task<AuthenticationSession?> FindAsync(string deviceKey, string code, CancellationToken cancellationToken);

    /// <summary>
    /// The sessions that hold <paramref name="code"/> under each of <paramref name="brands"/> (at most one a brand: codes
    /// come from Adobe per service provider, so two brands may each hold one), whichever device they belong to. Only
    /// for the second-screen page, which has a code but no device: it must never tell its user anything about what it
    /// finds beyond "this code can be used now".
    /// </summary>
    /// <param name="code">The code as Adobe issued it.</param>
    /// <param name="brands">The brands (<see cref="Brands.BrandKeys"/>) to look under.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    Task<IReadOnlyList<AuthenticationSession>> FindByCodeAsync(string code, IReadOnlyCollection<string> brands, CancellationToken cancellationToken);

    /// <summary>Adds a session. Throws <see cref="Errors.ConcurrencyConflictException"/> when the code exists for the device.</summary>
    Task<AuthenticationSession> AddAsync(AuthenticationSession session, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="session"/> as the device's one pending sign-in and ends each of the device's other pending
    /// sessions with <paramref name="endReplaced"/>, all in one atomic write. Two starts for one device at once cannot
    /// both commit: the loser throws <see cref="Errors.ConcurrencyConflictException"/> and writes nothing, so a device
    /// never has two pending sessions.
    /// </summary>
    /// <param name="session">The new, pending session.</param>
    /// <param name="endReplaced">How a replaced session ends (applied to each of the device's other pending sessions).</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    Task<PendingSessionStart> StartPendingAsync(AuthenticationSession session, Func<AuthenticationSession, AuthenticationSession> endReplaced,
        CancellationToken cancellationToken);

    /// <summary>Replaces the session if its stored version equals <see cref="AuthenticationSession.ETag"/>, else throws
    /// <see cref="Errors.ConcurrencyConflictException"/>.</summary>
    Task<AuthenticationSession> UpdateAsync(AuthenticationSession session, CancellationToken cancellationToken);

    /// <summary>Pending sessions of one device, or of every device when <paramref name="deviceKey"/> is null
    /// (the DevHost resumes these at start).</summary>
    IAsyncEnumerable<AuthenticationSession> ListPendingAsync(string? deviceKey, CancellationToken cancellationToken);

    /// <summary>The device's sessions that still hold the profile their sign-in produced (logout releases them).</summary>
    IAsyncEnumerable<AuthenticationSession> ListHoldingProfilesAsync(string deviceKey, CancellationToken cancellationToken);
}
