using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>DecisionResponse</c>. A deny carries an item-level <see cref="Error"/> inside an HTTP 200.</summary>
public sealed record DecisionResponse
{
    [JsonPropertyName("resource")] public string? Resource { get; init; }
    [JsonPropertyName("serviceProvider")] public string? ServiceProvider { get; init; }
    [JsonPropertyName("mvpd")] public string? Mvpd { get; init; }
    [JsonPropertyName("authorized")] public bool? Authorized { get; init; }
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("token")] public MediaTokenResponse? Token { get; init; }
    [JsonPropertyName("notBefore"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotBefore { get; init; }
    [JsonPropertyName("notAfter"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotAfter { get; init; }
    [JsonPropertyName("error")] public ErrorInformation? Error { get; init; }
}
