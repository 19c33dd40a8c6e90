using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>MvpdType</c>. Adobe leaves out fields that are false or unset.</summary>
public sealed record MvpdType
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("displayName")] public string? DisplayName { get; init; }
    [JsonPropertyName("logoUrl")] public string? LogoUrl { get; init; }
    [JsonPropertyName("isTempPass")] public bool? IsTempPass { get; init; }
    [JsonPropertyName("isProxy")] public bool? IsProxy { get; init; }
    [JsonPropertyName("boardingStatus")] public string? BoardingStatus { get; init; }
    [JsonPropertyName("platformMappingId")] public string? PlatformMappingId { get; init; }
    [JsonPropertyName("enablePlatformServices")] public bool? EnablePlatformServices { get; init; }
    [JsonPropertyName("displayInPlatformPicker")] public bool? DisplayInPlatformPicker { get; init; }
    [JsonPropertyName("enforcePlatformPermissions")] public bool? EnforcePlatformPermissions { get; init; }
    [JsonPropertyName("authPerAggregator")] public bool? AuthPerAggregator { get; init; }
    [JsonPropertyName("authPerBrowserSession")] public bool? AuthPerBrowserSession { get; init; }
    [JsonPropertyName("passiveAuthnEnabled")] public bool? PassiveAuthnEnabled { get; init; }
}
