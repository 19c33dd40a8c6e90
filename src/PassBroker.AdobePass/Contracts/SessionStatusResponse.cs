using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>SessionStatusResponse</c>. The parsed <c>device</c> is kept as raw JSON: PassBroker only passes it on.</summary>
public sealed record SessionStatusResponse
{
    [JsonPropertyName("existingParameters")] public IReadOnlyDictionary<string, string>? ExistingParameters { get; init; }
    [JsonPropertyName("missingParameters")] public IReadOnlyList<string>? MissingParameters { get; init; }
    [JsonPropertyName("device")] public JsonElement? Device { get; init; }
    [JsonPropertyName("notBefore"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotBefore { get; init; }
    [JsonPropertyName("notAfter"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotAfter { get; init; }
}
