namespace PassBroker.Emulator.Profiles;

/// <summary>OpenAPI <c>UserMetadataResponse</c>: one attribute; the emulator never encrypts, so state is <c>plain</c>.</summary>
internal sealed record UserMetadataValue(object Value, string State);
