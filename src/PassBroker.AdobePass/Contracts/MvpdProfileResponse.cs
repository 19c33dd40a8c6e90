using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>MvpdProfileResponse</c>. Timestamps are numbers here, but strings are accepted too.</summary>
public sealed record MvpdProfileResponse
{
    [JsonPropertyName("notBefore"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotBefore { get; set; }
    [JsonPropertyName("notAfter"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotAfter { get; set; }
    [JsonPropertyName("issuer")] public string? Issuer { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("sessionId")] public string? SessionId { get; set; }
    [JsonPropertyName("attributes")] public IReadOnlyDictionary<string, UserMetadataResponse>? Attributes { get; set; }
}
