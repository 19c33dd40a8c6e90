using System.Text.Json.Serialization;

namespace PassBroker.Emulator.Dcr;

/// <summary>The 201 body of <c>/o/client/register</c> (DCR OpenAPI <c>ClientApplication</c>).</summary>
internal sealed record ClientApplication(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("client_id_issued_at")] long ClientIdIssuedAt,
    [property: JsonPropertyName("redirect_uris")] IReadOnlyList<string> RedirectUris,
    [property: JsonPropertyName("grant_types")] IReadOnlyList<string> GrantTypes,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes);
