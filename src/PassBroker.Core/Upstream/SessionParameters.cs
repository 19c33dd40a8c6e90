namespace PassBroker.Core.Upstream;

/// <summary>The form fields of create/resume session. Null fields are left out, and Adobe then answers <c>resume</c>.</summary>
public sealed record SessionParameters(string? Mvpd, string? DomainName, string? RedirectUrl);
