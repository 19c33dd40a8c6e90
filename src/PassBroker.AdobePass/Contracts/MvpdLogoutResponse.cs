using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>MvpdLogoutResponse</c>. <c>url</c> is present for <c>logout</c> and may be absolute or host-relative.</summary>
public sealed record MvpdLogoutResponse
{
    [JsonPropertyName("actionName")] public string? ActionName { get; set; }
    [JsonPropertyName("actionType")] public string? ActionType { get; set; }
    [JsonPropertyName("mvpd")] public string? Mvpd { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
}
