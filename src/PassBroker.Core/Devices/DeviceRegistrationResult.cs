namespace PassBroker.Core.Devices;

/// <summary>The device token to hand to the app (shown once, stored only as a hash) and whether the device is new.</summary>
/// <param name="DeviceKey">PassBroker's key for the device.</param>
/// <param name="DeviceToken">The device's new token.</param>
/// <param name="IsNew">A new installation (not a re-registration).</param>
/// <param name="Brand">The device's brand key (<see cref="Brands.BrandKeys"/>).</param>
public sealed record DeviceRegistrationResult(string DeviceKey, string DeviceToken, bool IsNew, string Brand = Brands.BrandKeys.Default);
