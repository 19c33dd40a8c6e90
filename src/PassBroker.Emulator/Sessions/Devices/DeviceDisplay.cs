namespace PassBroker.Emulator.Sessions.Devices;

/// <summary>OpenAPI <c>Display</c>.</summary>
internal sealed record DeviceDisplay(long? Width, long? Height, long? Ppi, string? DiagonalSize);
