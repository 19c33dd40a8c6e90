using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>MvpdType</c>. Adobe leaves out fields that are false or unset.</summary>
public sealed record MvpdType
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("displayName")] public string? DisplayName { get; set; }
    [JsonPropertyName("logoUrl")] public string? LogoUrl { get; set; }
    [JsonPropertyName("isTempPass")] public bool? IsTempPass { get; set; }
    [JsonPropertyName("isProxy")] public bool? IsProxy { get; set; }
    [JsonPropertyName("boardingStatus")] public string? BoardingStatus { get; set; }
    [JsonPropertyName("platformMappingId")] public string? PlatformMappingId { get; set; }
    [JsonPropertyName("enablePlatformServices")] public bool? EnablePlatformServices { get; set; }
    [JsonPropertyName("displayInPlatformPicker")] public bool? DisplayInPlatformPicker { get; set; }
    [JsonPropertyName("enforcePlatformPermissions")] public bool? EnforcePlatformPermissions { get; set; }
    [JsonPropertyName("authPerAggregator")] public bool? AuthPerAggregator { get; set; }
    [JsonPropertyName("authPerBrowserSession")] public bool? AuthPerBrowserSession { get; set; }
    [JsonPropertyName("passiveAuthnEnabled")] public bool? PassiveAuthnEnabled { get; set; }
}
