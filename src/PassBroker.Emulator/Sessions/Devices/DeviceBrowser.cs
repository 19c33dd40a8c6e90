namespace PassBroker.Emulator.Sessions.Devices;

/// <summary>OpenAPI <c>Browser</c>.</summary>
internal sealed record DeviceBrowser(
    string? Name, string? Vendor, DeviceVersion? Version, string? UserAgent, string? OriginalUserAgent);
