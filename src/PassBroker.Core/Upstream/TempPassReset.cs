namespace PassBroker.Core.Upstream;

/// <summary>
/// One call to Adobe's Temp Pass reset API (adobe-pass-v2.md section 6.5): by device (<c>/reset</c>,
/// <paramref name="DeviceId"/>) or by user key (<c>/reset/generic</c>, <paramref name="Key"/>); a null value means
/// every device or every user of <paramref name="Mvpd"/>.
/// </summary>
/// <param name="Mvpd">The Temp Pass pseudo-MVPD (<c>mvpd_id</c>).</param>
/// <param name="ByKey">True for the generic reset by user key (promotional); false for the reset by device.</param>
/// <param name="DeviceId">The raw device id (the decoded <c>AP-Device-Identifier</c>), or null for all devices.</param>
/// <param name="Key">The e-mail hash sent in <c>AP-TempPass-Identity</c>, or null for all users.</param>
public sealed record TempPassReset(string Mvpd, bool ByKey, string? DeviceId, string? Key)
{
    /// <summary>The brand whose trials these are (<see cref="Brands.BrandKeys"/>): its service provider and management
    /// client make the call.</summary>
    public string Brand { get; init; } = Brands.BrandKeys.Default;
}
