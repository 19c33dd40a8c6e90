namespace PassBroker.Emulator.Sessions.Devices;

/// <summary>OpenAPI <c>OperatingSystem</c>.</summary>
internal sealed record DeviceOperatingSystem(string? Name, string? Family, string? Vendor, DeviceVersion? Version);
