namespace PassBroker.Core.Sessions;

/// <summary>Where a sign-in stands. Only <see cref="Pending"/> changes; the others are final.</summary>
public enum SessionStatus
{
    Pending,
    Authenticated,
    Expired,
    Failed,
}
