namespace PassBroker.Emulator.State;

/// <summary>An opaque DCR bearer token and the client it was issued to.</summary>
internal sealed record IssuedAccessToken(
    string Id,
    string Value,
    string ClientId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}
