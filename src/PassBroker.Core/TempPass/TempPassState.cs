namespace PassBroker.Core.TempPass;

/// <summary>Where a device's trial stands, as Adobe's temporary profile (or its limit error) says.</summary>
/// <param name="Kind">Basic or promotional.</param>
/// <param name="Mvpd">The Temp Pass pseudo-MVPD: name it in authorize to play on the trial.</param>
/// <param name="Status"><c>not_started</c> (the first authorize starts the clock), <c>active</c>, <c>expired</c> or <c>resources_exhausted</c>.</param>
/// <param name="StartedAt">When the first authorize started the clock.</param>
/// <param name="ExpiresAt">When the trial ends, whatever is being watched then.</param>
/// <param name="RemainingResources">Promotional: titles still to be started.</param>
/// <param name="UsedAssets">Promotional: titles already started (playing them again costs nothing).</param>
public sealed record TempPassState(
    TempPassKind Kind,
    string Mvpd,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? ExpiresAt,
    int? RemainingResources,
    IReadOnlyList<string> UsedAssets)
{
    public const string NotStarted = "not_started";
    public const string Active = "active";
    public const string Expired = "expired";
    public const string ResourcesExhausted = "resources_exhausted";
}
