using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>SessionResponse</c> (create and resume). <c>notBefore</c>/<c>notAfter</c> are strings of epoch ms here.</summary>
public sealed record SessionResponse
{
    [JsonPropertyName("actionName")] public string? ActionName { get; set; }
    [JsonPropertyName("actionType")] public string? ActionType { get; set; }
    [JsonPropertyName("reasonType")] public string? ReasonType { get; set; }
    [JsonPropertyName("missingParameters")] public IReadOnlyList<string>? MissingParameters { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("sessionId")] public string? SessionId { get; set; }
    [JsonPropertyName("mvpd")] public string? Mvpd { get; set; }
    [JsonPropertyName("serviceProvider")] public string? ServiceProvider { get; set; }
    [JsonPropertyName("notBefore"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotBefore { get; set; }
    [JsonPropertyName("notAfter"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotAfter { get; set; }
}
