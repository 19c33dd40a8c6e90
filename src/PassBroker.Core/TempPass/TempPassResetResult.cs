namespace PassBroker.Core.TempPass;

/// <summary>What was reset, and Adobe's answer as is.</summary>
/// <param name="Kind">Basic or promotional.</param>
/// <param name="Mvpd">The Temp Pass pseudo-MVPD reset.</param>
/// <param name="Scope"><c>device</c>, <c>all_devices</c>, <c>user</c> or <c>all_users</c>.</param>
/// <param name="UpstreamStatus">Adobe's HTTP status (204 when done).</param>
public sealed record TempPassResetResult(TempPassKind Kind, string Mvpd, string Scope, int UpstreamStatus);
