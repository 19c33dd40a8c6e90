using System.Text.Json.Serialization;

namespace PassBroker.Emulator.Dcr;

/// <summary>The 201 body of <c>/o/client/token</c> (DCR OpenAPI <c>ClientRegistrationAccessTokenResponse</c>).</summary>
internal sealed record ClientRegistrationAccessTokenResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("created_at")] long CreatedAt,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("token_type")] string TokenType);
