namespace PassBroker.Emulator.Sessions.Devices;

/// <summary>OpenAPI <c>Device</c>: the session's X-Device-Info as Adobe parsed it.</summary>
internal sealed record SessionDevice(
    string? Type,
    string? Model,
    DeviceVersion? Version,
    DeviceHardware? Hardware,
    DeviceOperatingSystem? OperatingSystem,
    DeviceBrowser? Browser,
    DeviceDisplay? Display,
    string? ApplicationId,
    DeviceConnection? Connection);
