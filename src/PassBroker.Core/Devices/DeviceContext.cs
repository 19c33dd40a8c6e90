namespace PassBroker.Core.Devices;

/// <summary>The device on whose behalf PassBroker calls Adobe Pass.</summary>
/// <param name="DeviceKey">PassBroker's key for the device (see <see cref="DeviceKeys"/>).</param>
/// <param name="DeviceId">The real device id the app gave at registration; goes upstream in <c>AP-Device-Identifier</c>.</param>
/// <param name="Info">The device description; goes upstream in <c>X-Device-Info</c>.</param>
/// <param name="Client">Where the device connects from now; goes upstream in <c>X-Forwarded-For</c> and <c>X-Device-Info</c>.</param>
public sealed record DeviceContext(string DeviceKey, string DeviceId, DeviceInfo Info, ClientEndpoint Client)
{
    /// <summary>Only on calls about the promotional Temp Pass MVPD; goes upstream in <c>AP-TempPass-Identity</c>.</summary>
    public TempPassIdentity? TempPassIdentity { get; init; }

    /// <summary>The device's brand (<see cref="Brands.BrandKeys"/>): whose service provider, software statement and settings
    /// every call about it uses.</summary>
    public string Brand { get; init; } = Brands.BrandKeys.Default;
}
