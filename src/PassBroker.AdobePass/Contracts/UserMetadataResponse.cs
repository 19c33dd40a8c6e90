using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>UserMetadataResponse</c>: a value of any JSON shape and its state (<c>plain</c> or <c>enc</c>).</summary>
public sealed record UserMetadataResponse
{
    [JsonPropertyName("value")] public JsonElement? Value { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
}
