namespace PassBroker.Testing.Hosting;

/// <summary>
/// The settings every test host of PassBroker runs with (the DevHost, the Functions app's host), so that two hosts
/// given the same emulator, Azurite and table prefix share their state and answer alike.
/// </summary>
public static class TestSettings
{
    public const string AdminKey = "test-admin-key-0123456789-0123456789";
    public const string SignedOutUrl = "http://127.0.0.1/authn/signed-out";

    /// <summary>The data key that seals client secrets and access tokens (<c>Storage:DataKeys:Keys:test1</c>).</summary>
    public const string DataKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    public const string SoftwareStatement = "dev-software-statement";

    /// <summary>The first of <c>Http:KnownProxies</c>: loopback, where the tests' clients call from.</summary>
    public const string KnownProxySetting = "Http:KnownProxies:0";

    /// <summary>On the resource deny list (<c>Rules:ResourceAccess:Deny</c>).</summary>
    public const string BlockedResource = "blocked-title";

    /// <param name="emulator">The Adobe Pass emulator's address.</param>
    /// <param name="storageConnection">Azurite's connection string.</param>
    /// <param name="tablePrefix">Put before each table name: the tables of one application.</param>
    /// <returns>Configuration keys (<c>Section:Key</c>) and values.</returns>
    public static Dictionary<string, string?> For(Uri emulator, string storageConnection, string tablePrefix)
    {
        var adobe = emulator.GetLeftPart(UriPartial.Authority);
        return new()
        {
            ["AdobePass:BaseUrl"] = adobe,
            ["AdobePass:ManagementBaseUrl"] = adobe,
            ["AdobePass:ServiceProvider"] = "REF30",
            ["TempPass:BasicMvpd"] = "TempPass_REF30",
            ["TempPass:PromotionalMvpd"] = "TempPassPromo_REF30",
            // The service's secrets, from configuration as in development (the Key Vault adapter has its own tests).
            ["Secrets:Source"] = "Configuration",
            ["Secrets:Values:admin-api-key"] = AdminKey,
            ["Secrets:Values:software-statement"] = SoftwareStatement,
            ["Secrets:Values:metadata-certificate"] = TestCertificates.Primary.Pkcs12Base64,
            ["Secrets:Values:metadata-certificate-backup"] = TestCertificates.Backup.Pkcs12Base64,
            ["Storage:ConnectionString"] = storageConnection,
            ["Storage:TablePrefix"] = tablePrefix,
            ["Storage:DataKeys:Current"] = "test1",
            ["Storage:DataKeys:Keys:test1"] = DataKey,
            ["SignIn:RedirectUrl"] = "http://127.0.0.1/authn/done",
            ["SignIn:LogoutRedirectUrl"] = SignedOutUrl,
            ["Rules:ResourceAccess:Deny:0"] = BlockedResource,
            // The emulator's MVPD logos are there (EmulatorDefaults.LogoBaseUrl); the browser tests answer for that host.
            ["SecondScreen:LogoHosts:0"] = "passbroker.example",
            // Every test device shares one IP, so Adobe's per-IP budget would pace unrelated tests; the fault matrix turns it on.
            ["AdobePass:Pacing:Enabled"] = "false",
            // The tests' HTTP client stands in for a front end: it names each device's address in X-Forwarded-For, which
            // PassBroker believes only from a configured proxy (the edge tests replace this entry to see it ignored).
            [KnownProxySetting] = "127.0.0.1",
            // Tests register and sign in hundreds of devices from that one address; the limits' own tests set small values.
            ["Limits:RegistrationsPerClient"] = "100000",
            ["Limits:RegistrationsPerInstance"] = "1000000",
            ["Limits:SignInsPerClient"] = "100000",
            ["Limits:SignInsPerInstance"] = "1000000",
        };
    }

    /// <summary>The second brand's public id in <see cref="SecondBrandSettings"/>.</summary>
    public const string SecondBrand = "sports";

    /// <summary>The software statement of <see cref="SecondBrand"/>'s app, which the emulator also accepts.</summary>
    public const string SecondBrandSoftwareStatement = "sports-software-statement";

    /// <summary>
    /// A second brand beside the default one, as command-line arguments for the application (and, the <c>--Emulator:</c>
    /// one, the emulator): another app of the same channel, so the same service provider (the emulator serves one) with
    /// its own software statement, hence its own DCR clients, and its own look.
    /// </summary>
    public static readonly string[] SecondBrandSettings =
    [
        $"--Brands:{SecondBrand}:AdobePass:ServiceProvider=REF30",
        $"--Brands:{SecondBrand}:AdobePass:SoftwareStatementSecret=software-statement-{SecondBrand}",
        $"--Brands:{SecondBrand}:Brand:Name=Reference Sports",
        $"--Secrets:Values:software-statement-{SecondBrand}={SecondBrandSoftwareStatement}",
        $"--Emulator:SoftwareStatements:1={SecondBrandSoftwareStatement}",
    ];

    /// <summary>The settings as command-line arguments (<c>--Section:Key=value</c>), the DevHost's way of taking them.</summary>
    public static IEnumerable<string> AsArguments(this IEnumerable<KeyValuePair<string, string?>> settings) =>
        settings.Select(setting => $"--{setting.Key}={setting.Value}");
}
