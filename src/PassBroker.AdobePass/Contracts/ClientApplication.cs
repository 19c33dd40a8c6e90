using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary>DCR <c>ClientApplication</c> (201 from <c>/o/client/register</c>).</summary>
public sealed record ClientApplication
{
    [JsonPropertyName("client_id")] public string? ClientId { get; set; }
    [JsonPropertyName("client_secret")] public string? ClientSecret { get; set; }

    /// <summary>Seconds, going by Adobe's sample (not stated).</summary>
    [JsonPropertyName("client_id_issued_at")] public long? ClientIdIssuedAt { get; set; }
    [JsonPropertyName("redirect_uris")] public IReadOnlyList<string>? RedirectUris { get; set; }
    [JsonPropertyName("grant_types")] public IReadOnlyList<string>? GrantTypes { get; set; }
    [JsonPropertyName("scopes")] public IReadOnlyList<string>? Scopes { get; set; }
}
