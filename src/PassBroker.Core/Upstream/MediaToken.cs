namespace PassBroker.Core.Upstream;

/// <summary>A media token: Base64 of a PKI-signed token, opaque to PassBroker (never parsed, never cached).</summary>
public sealed record MediaToken(string SerializedToken, DateTimeOffset? NotBefore, DateTimeOffset? NotAfter);
