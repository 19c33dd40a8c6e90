using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary>DCR <c>ClientRegistrationAccessTokenResponse</c> (201 from <c>/o/client/token</c>).</summary>
public sealed record ClientRegistrationAccessTokenResponse
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; set; }

    /// <summary>Milliseconds.</summary>
    [JsonPropertyName("created_at")] public long? CreatedAt { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("token_type")] public string? TokenType { get; set; }

    /// <summary>Seconds.</summary>
    [JsonPropertyName("expires_in")] public long? ExpiresIn { get; set; }
}
