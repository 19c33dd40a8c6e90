using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary>DCR <c>ClientRegistrationRequest</c>.</summary>
public sealed record ClientRegistrationRequest(
    [property: JsonPropertyName("software_statement")] string SoftwareStatement,
    [property: JsonPropertyName("redirect_uri")] string? RedirectUri);
