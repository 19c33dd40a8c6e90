namespace PassBroker.Emulator.Sessions.Devices;

/// <summary>OpenAPI <c>Version</c>: a dotted version split into numbers; <c>profile</c> keeps what is not numeric.</summary>
internal sealed record DeviceVersion(int? Major, int? Minor, int? Patch, string? Profile);
