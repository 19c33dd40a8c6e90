using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>MvpdLogoutResponse</c>. <c>url</c> is present for <c>logout</c> and may be absolute or host-relative.</summary>
public sealed record MvpdLogoutResponse
{
    [JsonPropertyName("actionName")] public string? ActionName { get; init; }
    [JsonPropertyName("actionType")] public string? ActionType { get; init; }
    [JsonPropertyName("mvpd")] public string? Mvpd { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
}
