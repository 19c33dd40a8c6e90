using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>Domain</c>: a registered domain of the requestor.</summary>
public sealed record Domain(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("mvpdInitiated")] bool? MvpdInitiated);
