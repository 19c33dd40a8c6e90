using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>MediaTokenResponse</c>: the serialized token is opaque (never parsed).</summary>
public sealed record MediaTokenResponse
{
    [JsonPropertyName("notBefore"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotBefore { get; set; }
    [JsonPropertyName("notAfter"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotAfter { get; set; }
    [JsonPropertyName("serializedToken")] public string? SerializedToken { get; set; }
}
