namespace PassBroker.Http.Admin;

/// <summary>What was reset and Adobe's status for it (204 when done).</summary>
public sealed record ResetTempPassResponse(string Kind, string Mvpd, string Scope, int UpstreamStatus);
