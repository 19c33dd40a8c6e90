namespace PassBroker.Emulator.Decisions;

/// <summary>OpenAPI <c>MediaTokenResponse</c>; times are epoch ms.</summary>
internal sealed record MediaTokenResponse(long NotBefore, long NotAfter, string SerializedToken);
