using PassBroker.Core.Sessions;

namespace PassBroker.Core.Workflow;

/// <summary>What one poll found: the session's status after the poll (pending until it is final).</summary>
public sealed record SignInCheck(SessionStatus Status, string? Reason = null)
{
    public bool IsFinal => Status != SessionStatus.Pending;
}
