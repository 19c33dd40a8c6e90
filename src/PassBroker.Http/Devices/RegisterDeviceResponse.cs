namespace PassBroker.Http.Devices;

/// <summary>The device token, shown once: the app keeps it and sends it as <c>Authorization: Bearer</c>.</summary>
/// <param name="DeviceKey">PassBroker's key for the device.</param>
/// <param name="DeviceToken">The device token.</param>
/// <param name="Brand">The public id of the device's brand, fixed for the device's life.</param>
public sealed record RegisterDeviceResponse(string DeviceKey, string DeviceToken, string Brand);
