using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>SessionStatusResponse</c>. The parsed <c>device</c> is kept as raw JSON: PassBroker only passes it on.</summary>
public sealed record SessionStatusResponse
{
    [JsonPropertyName("existingParameters")] public IReadOnlyDictionary<string, string>? ExistingParameters { get; set; }
    [JsonPropertyName("missingParameters")] public IReadOnlyList<string>? MissingParameters { get; set; }
    [JsonPropertyName("device")] public JsonElement? Device { get; set; }
    [JsonPropertyName("notBefore"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotBefore { get; set; }
    [JsonPropertyName("notAfter"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotAfter { get; set; }
}
