using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>SessionResponse</c> (create and resume). <c>notBefore</c>/<c>notAfter</c> are strings of epoch ms here.</summary>
public sealed record SessionResponse
{
    [JsonPropertyName("actionName")] public string? ActionName { get; init; }
    [JsonPropertyName("actionType")] public string? ActionType { get; init; }
    [JsonPropertyName("reasonType")] public string? ReasonType { get; init; }
    [JsonPropertyName("missingParameters")] public IReadOnlyList<string>? MissingParameters { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("sessionId")] public string? SessionId { get; init; }
    [JsonPropertyName("mvpd")] public string? Mvpd { get; init; }
    [JsonPropertyName("serviceProvider")] public string? ServiceProvider { get; init; }
    [JsonPropertyName("notBefore"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotBefore { get; init; }
    [JsonPropertyName("notAfter"), JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? NotAfter { get; init; }
}
