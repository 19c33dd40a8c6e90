using System.Text.Json.Serialization;

namespace PassBroker.Emulator.Configuration;

/// <summary>OpenAPI <c>MvpdType</c>. Adobe's sample leaves flags out unless they are set, so false is not written.</summary>
internal sealed record MvpdType(string Id, string DisplayName, string? LogoUrl)
{
    public string? BoardingStatus { get; init; }

    public string? PlatformMappingId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsTempPass { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsProxy { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AuthPerAggregator { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AuthPerBrowserSession { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool PassiveAuthnEnabled { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool EnablePlatformServices { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool DisplayInPlatformPicker { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool EnforcePlatformPermissions { get; init; }

    public static MvpdType From(MvpdOptions mvpd) => new(mvpd.Id, mvpd.DisplayName, mvpd.LogoUrl)
    {
        BoardingStatus = mvpd.BoardingStatus,
        PlatformMappingId = mvpd.PlatformMappingId,
        IsTempPass = mvpd.IsTempPass,
        IsProxy = mvpd.IsProxy,
        AuthPerAggregator = mvpd.AuthPerAggregator,
        AuthPerBrowserSession = mvpd.AuthPerBrowserSession,
        PassiveAuthnEnabled = mvpd.PassiveAuthnEnabled,
        EnablePlatformServices = mvpd.EnablePlatformServices,
        DisplayInPlatformPicker = mvpd.DisplayInPlatformPicker,
        EnforcePlatformPermissions = mvpd.EnforcePlatformPermissions,
    };
}
