namespace PassBroker.Core.TempPass;

/// <summary>An operator's reset: which trial kind, and whom (one of the target fields, or <see cref="All"/>).</summary>
/// <param name="Kind"><c>basic</c> or <c>promotional</c>.</param>
/// <param name="DeviceId">Basic: the device id the app registered with.</param>
/// <param name="Email">Promotional: the user's e-mail, hashed here as the app's was.</param>
/// <param name="Hash">Promotional: the e-mail hash itself (64 lowercase hex).</param>
/// <param name="All">Every device (basic) or every user (promotional).</param>
public sealed record TempPassResetRequest(string? Kind, string? DeviceId, string? Email, string? Hash, bool? All)
{
    /// <summary>The brand (key, <see cref="Brands.BrandKeys"/>) whose trials to reset: its Temp Pass MVPDs and service provider.</summary>
    public string Brand { get; init; } = Brands.BrandKeys.Default;
}
