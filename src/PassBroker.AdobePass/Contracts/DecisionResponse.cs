using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>DecisionResponse</c>. A deny carries an item-level <see cref="Error"/> inside an HTTP 200.</summary>
public sealed record DecisionResponse
{
    [JsonPropertyName("resource")] public string? Resource { get; set; }
    [JsonPropertyName("serviceProvider")] public string? ServiceProvider { get; set; }
    [JsonPropertyName("mvpd")] public string? Mvpd { get; set; }
    [JsonPropertyName("authorized")] public bool? Authorized { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("token")] public MediaTokenResponse? Token { get; set; }
    [JsonPropertyName("notBefore"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotBefore { get; set; }
    [JsonPropertyName("notAfter"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotAfter { get; set; }
    [JsonPropertyName("error")] public ErrorInformation? Error { get; set; }
}
