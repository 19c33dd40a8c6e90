namespace PassBroker.Emulator;

/// <summary>
/// What the emulated Adobe Pass tenant looks like: one service provider, its MVPDs, test users and lifetimes.
/// Defaults live here; configuration may override them.
/// </summary>
/// <remarks>
/// Configuration binding appends to the lists, so configured MVPDs, users, domains and software statements are added
/// to the defaults. Replace them in code with <c>PostConfigure&lt;EmulatorOptions&gt;</c>.
/// </remarks>
public sealed class EmulatorOptions
{
    // Shape: { "Emulator": { "ServiceProvider": "REF30", "CodeLifetime": "00:30:00",
    //   "Mvpds": [ { "Id": "…", "DisplayName": "…", "LogoUrl": "…", "IsTempPass": false } ],
    //   "Users": [ { "Username": "…", "Password": "…", "UserId": "…", "Mvpds": [ "…" ],
    //                "Attributes": { "householdID": "…" }, "ListAttributes": { "zip": [ "…" ] } } ] } }
    public const string SectionName = "Emulator";

    /// <summary>The requestor id; any other value in a path is <c>invalid_parameter_service_provider</c>.</summary>
    public string ServiceProvider { get; set; } = "REF30";

    /// <summary>The requestor's display name in the configuration response.</summary>
    public string ServiceProviderName { get; set; } = "PassBroker Reference Programmer";

    /// <summary>Software statements DCR accepts; anything else is <c>invalid_software_statement</c>.</summary>
    public List<string> SoftwareStatements { get; } = ["dev-software-statement"];

    /// <summary>DCR access-token lifetime (<c>expires_in</c>); Adobe's sample says 21600 s.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Validity window of an authentication code; every Adobe sample shows 30 minutes.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>AuthN TTL of a profile created by the MVPD login.</summary>
    public TimeSpan ProfileLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The requestor's registered domains.</summary>
    public List<DomainOptions> Domains { get; } =
    [
        new() { Name = "localhost" },
        new() { Name = "passbroker.example" },
    ];

    /// <summary>The MVPDs integrated with the service provider, in picker order.</summary>
    public List<MvpdOptions> Mvpds { get; } = EmulatorDefaults.CreateMvpds();

    /// <summary>Subscribers the MVPD login form accepts.</summary>
    public List<TestUserOptions> Users { get; } = EmulatorDefaults.CreateUsers();

    internal MvpdOptions? FindMvpd(string? id) =>
        id is null ? null : Mvpds.Find(m => string.Equals(m.Id, id, StringComparison.Ordinal));

    internal bool IsServiceProvider(string? serviceProvider) =>
        string.Equals(serviceProvider, ServiceProvider, StringComparison.Ordinal);
}
