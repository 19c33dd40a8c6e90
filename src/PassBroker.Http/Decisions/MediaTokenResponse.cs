namespace PassBroker.Http.Decisions;

/// <summary>The media token to hand to the player and the programmer's Media Token Verifier: single use, about
/// 7 minutes, never to be cached.</summary>
public sealed record MediaTokenResponse(string SerializedToken, DateTimeOffset? NotBefore, DateTimeOffset? NotAfter);
