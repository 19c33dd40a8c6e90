namespace PassBroker.Http.Decisions;

/// <summary>One decision: <c>permit</c> or <c>deny</c> (with its <see cref="Reason"/>), valid until <see cref="NotAfter"/>.</summary>
public sealed record DecisionResponse(string Resource, string Decision, DateTimeOffset? NotAfter, DenyReason? Reason);
