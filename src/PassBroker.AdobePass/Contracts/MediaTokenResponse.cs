using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>MediaTokenResponse</c>: the serialized token is opaque (never parsed).</summary>
public sealed record MediaTokenResponse
{
    [JsonPropertyName("notBefore"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotBefore { get; init; }
    [JsonPropertyName("notAfter"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotAfter { get; init; }
    [JsonPropertyName("serializedToken")] public string? SerializedToken { get; init; }
}
