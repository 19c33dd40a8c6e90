namespace PassBroker.Emulator.State;

/// <summary>
/// What Adobe binds sessions and profiles to: the registered application (the token's client), the device
/// (<c>AP-Device-Identifier</c>) and the service provider.
/// </summary>
internal readonly record struct DeviceKey(string ServiceProvider, string ClientId, string DeviceId);
