using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary>DCR <c>ClientApplication</c> (201 from <c>/o/client/register</c>).</summary>
public sealed record ClientApplication
{
    [JsonPropertyName("client_id")] public string? ClientId { get; init; }
    [JsonPropertyName("client_secret")] public string? ClientSecret { get; init; }

    /// <summary>Seconds, going by Adobe's sample (not stated).</summary>
    [JsonPropertyName("client_id_issued_at")] public long? ClientIdIssuedAt { get; init; }
    [JsonPropertyName("redirect_uris")] public IReadOnlyList<string>? RedirectUris { get; init; }
    [JsonPropertyName("grant_types")] public IReadOnlyList<string>? GrantTypes { get; init; }
    [JsonPropertyName("scopes")] public IReadOnlyList<string>? Scopes { get; init; }
}
