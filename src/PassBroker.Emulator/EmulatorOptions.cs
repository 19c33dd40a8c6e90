namespace PassBroker.Emulator;

/// <summary>
/// What the emulated Adobe Pass tenant looks like: its service providers, their MVPDs, test users and lifetimes.
/// Defaults live here; configuration may override them.
/// </summary>
/// <remarks>
/// Configuration binding appends to the lists, so configured MVPDs, users, domains and software statements are added
/// to the defaults. Replace them in code with <c>PostConfigure&lt;EmulatorOptions&gt;</c>.
/// </remarks>
public sealed class EmulatorOptions
{
    // Shape: { "Emulator": { "ServiceProvider": "REF30", "CodeLifetime": "00:30:00",
    //   "DecisionLifetime": "01:00:00", "MediaTokenLifetime": "00:07:00",
    //   "PreauthorizeMaxResources": 5, "AuthorizeMaxResources": 1,
    //   "Platforms": [ { "Name": "roku", "OsName": "Roku OS", "PrimaryHardwareType": null, "ApplicationId": null, "Mvpds": [ "…" ] } ],
    //   "Mvpds": [ { "Id": "…", "DisplayName": "…", "LogoUrl": "…", "IsTempPass": false, "HasLogoutEndpoint": true,
    //                "TempPass": { "Kind": "Basic|Promotional", "Ttl": "01:00:00", "MaxResources": 3, "IdentityKey": "email" } } ],
    //   "Users": [ { "Username": "…", "Password": "…", "UserId": "…", "Mvpds": [ "…" ],
    //                "Attributes": { "householdID": "…" }, "ListAttributes": { "zip": [ "…" ] },
    //                "Entitlements": { "premium-movie": "deny", "flaky-channel": "timeout-once" } } ] } }
    public const string SectionName = "Emulator";

    /// <summary>
    /// The first requestor id; a value in a path that neither this nor <see cref="ServiceProviders"/> names is
    /// <c>invalid_parameter_service_provider</c>.
    /// </summary>
    public string ServiceProvider { get; set; } = "REF30";

    /// <summary>The requestor's display name in the configuration response.</summary>
    public string ServiceProviderName { get; set; } = "PassBroker Reference Programmer";

    /// <summary>
    /// Software statements linked to the first service provider. DCR accepts these and those of
    /// <see cref="ServiceProviders"/>; anything else is <c>invalid_software_statement</c>.
    /// </summary>
    public List<string> SoftwareStatements { get; } = ["dev-software-statement"];

    /// <summary>DCR access-token lifetime (<c>expires_in</c>); Adobe's sample says 21600 s.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Validity window of an authentication code; every Adobe sample shows 30 minutes.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>AuthN TTL of a profile created by the MVPD login.</summary>
    public TimeSpan ProfileLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Validity of a preauthorize or authorize decision (<c>notBefore</c>..<c>notAfter</c>). Adobe's is the authZ TTL
    /// negotiated with the MVPD; an hour is a common choice.
    /// </summary>
    public TimeSpan DecisionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Validity of a media token; "about 7 minutes by default" (adobe-pass-v2.md section 5.2).</summary>
    public TimeSpan MediaTokenLifetime { get; set; } = TimeSpan.FromMinutes(7);

    /// <summary>
    /// How many issued media tokens the emulator remembers for tests (<see cref="EmulatorState.ListMediaTokens"/>); older
    /// ones are forgotten. Load runs set 0 so memory stays flat however many plays they start.
    /// </summary>
    public int MaxRecordedMediaTokens { get; set; } = 10_000;

    /// <summary>Most resources one preauthorize call may carry; more is <c>too_many_resources</c> (the typical limit is 5).</summary>
    public int PreauthorizeMaxResources { get; set; } = 5;

    /// <summary>Most resources one authorize call may carry; more is <c>too_many_resources</c> (the typical limit is 1).</summary>
    public int AuthorizeMaxResources { get; set; } = 1;

    /// <summary>Which user metadata is encrypted for the programmer's certificate (none unless a certificate is set).</summary>
    public MetadataEncryptionOptions MetadataEncryption { get; } = new();

    /// <summary>The requestor's registered domains.</summary>
    public List<DomainOptions> Domains { get; } =
    [
        new() { Name = "localhost" },
        new() { Name = "passbroker.example" },
    ];

    /// <summary>The MVPDs integrated with the service provider, in picker order.</summary>
    public List<MvpdOptions> Mvpds { get; } = EmulatorDefaults.CreateMvpds();

    /// <summary>
    /// Platforms whose configuration lists only some MVPDs; the first that matches the device's X-Device-Info wins, and a
    /// device no platform matches (the default: none configured) gets every MVPD.
    /// </summary>
    public List<PlatformOptions> Platforms { get; } = [];

    /// <summary>Subscribers the MVPD login form accepts, whichever service provider the login is for.</summary>
    public List<TestUserOptions> Users { get; } = EmulatorDefaults.CreateUsers();

    /// <summary>
    /// More service providers beside the one the settings above describe (none by default), each with its own MVPDs,
    /// platforms, domains, software statements and metadata encryption. State is kept apart per service provider.
    /// </summary>
    public List<ServiceProviderOptions> ServiceProviders { get; } = [];

    internal TestUserOptions? FindUser(string? username) =>
        username is null ? null : Users.Find(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));
}
