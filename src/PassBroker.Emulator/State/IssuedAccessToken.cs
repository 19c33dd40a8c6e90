namespace PassBroker.Emulator.State;

/// <summary>An opaque DCR bearer token, the client it was issued to and the service providers that client is linked to.</summary>
internal sealed record IssuedAccessToken(
    string Id,
    string Value,
    string ClientId,
    IReadOnlySet<string> ServiceProviders,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}
