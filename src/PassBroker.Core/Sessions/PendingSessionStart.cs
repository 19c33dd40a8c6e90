namespace PassBroker.Core.Sessions;

/// <summary>What <see cref="ISessionStore.StartPendingAsync"/> wrote: the new session and the sessions it ended.</summary>
public sealed record PendingSessionStart(AuthenticationSession Session, IReadOnlyList<AuthenticationSession> Replaced);
