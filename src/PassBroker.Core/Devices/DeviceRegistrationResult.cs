namespace PassBroker.Core.Devices;

/// <summary>The device token to hand to the app (shown once, stored only as a hash) and whether the device is new.</summary>
public sealed record DeviceRegistrationResult(string DeviceKey, string DeviceToken, bool IsNew);
