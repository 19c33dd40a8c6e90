namespace PassBroker.Emulator;

/// <summary>
/// One MVPD as the configuration response lists it (OpenAPI <c>MvpdType</c>). Flags are emitted only when true,
/// as in Adobe's sample.
/// </summary>
public sealed class MvpdOptions
{
    public string Id { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? LogoUrl { get; set; }

    /// <summary>Adobe does not document the values; the emulator echoes whatever is configured.</summary>
    public string? BoardingStatus { get; set; }

    public string? PlatformMappingId { get; set; }

    /// <summary>A TempPass pseudo-MVPD: sessions answer <c>authorize</c>/<c>temporary</c> and there is no login.</summary>
    public bool IsTempPass { get; set; }

    public bool IsProxy { get; set; }

    public bool AuthPerAggregator { get; set; }

    public bool AuthPerBrowserSession { get; set; }

    public bool PassiveAuthnEnabled { get; set; }

    public bool EnablePlatformServices { get; set; }

    public bool DisplayInPlatformPicker { get; set; }

    public bool EnforcePlatformPermissions { get; set; }

    /// <summary>
    /// Not in the configuration response: whether logout answers <c>logout</c>/<c>interactive</c> with a URL to the
    /// emulated MVPD logout page (true) or <c>complete</c>/<c>none</c>, Adobe's "dummy logout" (adobe-pass-v2.md section 5.5).
    /// </summary>
    public bool HasLogoutEndpoint { get; set; }

    /// <summary>
    /// Not in the configuration response: the trial rules of a TempPass MVPD. An MVPD with <c>IsTempPass: true</c> but
    /// no <c>TempPass</c> answers <c>invalid_configuration_temporary_access</c> (500), Adobe's "bad TempPass configuration".
    /// </summary>
    public TempPassOptions? TempPass { get; set; }
}
