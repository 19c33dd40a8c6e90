namespace PassBroker.Http.Decisions;

/// <summary>Why a resource is denied, as Adobe (or a PassBroker rule, <c>source: "rule"</c>) said it: <c>code</c> is
/// stable, <c>message</c> and <c>details</c> may be shown to the user.</summary>
public sealed record DenyReason(string Code, string Action, string Source, string? Message, string? Details);
