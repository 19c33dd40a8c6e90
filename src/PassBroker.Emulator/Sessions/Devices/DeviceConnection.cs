namespace PassBroker.Emulator.Sessions.Devices;

/// <summary>
/// OpenAPI <c>Connection</c>. The [SPEC] types <c>ipAddress</c> as a serialized Java <c>InetAddress</c>; the emulator
/// echoes the plain <c>connectionIp</c> string, which is what a client can act on.
/// </summary>
internal sealed record DeviceConnection(string? IpAddress, string? Port, bool? Secure, string? Type);
