namespace PassBroker.Http.Decisions;

/// <summary>The authoritative decision for one play: <c>permit</c> with a <see cref="MediaToken"/>, or <c>deny</c> with
/// its <see cref="Reason"/>.</summary>
public sealed record AuthorizeResponse(string Resource, string Mvpd, string Decision, MediaTokenResponse? MediaToken, DateTimeOffset? NotAfter, DenyReason? Reason);
