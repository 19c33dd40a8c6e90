namespace PassBroker.Emulator.Sessions.Devices;

/// <summary>OpenAPI <c>Hardware</c>.</summary>
internal sealed record DeviceHardware(string? Name, string? Vendor, DeviceVersion? Version, string? Manufacturer);
