namespace PassBroker.Emulator.Profiles;

/// <summary>OpenAPI <c>UserMetadataResponse</c>: one attribute, <c>plain</c>, or <c>enc</c> (a string) when configured.</summary>
internal sealed record UserMetadataValue(object Value, string State);
