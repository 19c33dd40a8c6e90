using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary>DCR <c>ClientRegistrationAccessTokenResponse</c> (201 from <c>/o/client/token</c>).</summary>
public sealed record ClientRegistrationAccessTokenResponse
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; init; }
    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; init; }

    /// <summary>Milliseconds.</summary>
    [JsonPropertyName("created_at")] public long? CreatedAt { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("token_type")] public string? TokenType { get; init; }

    /// <summary>Seconds.</summary>
    [JsonPropertyName("expires_in")] public long? ExpiresIn { get; init; }
}
