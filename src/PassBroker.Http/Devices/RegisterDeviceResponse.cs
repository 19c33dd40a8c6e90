namespace PassBroker.Http.Devices;

/// <summary>The device token, shown once: the app keeps it and sends it as <c>Authorization: Bearer</c>.</summary>
public sealed record RegisterDeviceResponse(string DeviceKey, string DeviceToken);
