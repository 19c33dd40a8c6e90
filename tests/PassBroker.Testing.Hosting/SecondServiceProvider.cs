namespace PassBroker.Testing.Hosting;

/// <summary>
/// A second emulated service provider, for tests that run two brands side by side: its own software statement, its own
/// MVPD line-up (one MVPD shared with the first provider, one its own), its own Temp Pass MVPDs with their own settings,
/// and optionally its own metadata certificate. Pass <see cref="Settings"/> to <see cref="EmulatorHost"/>.
/// </summary>
public static class SecondServiceProvider
{
    public const string Id = "REF31";
    public const string Name = "PassBroker Second Brand";
    public const string SoftwareStatement = "dev-software-statement-ref31";

    /// <summary>Only this provider lists it; it has a logout page.</summary>
    public const string OwnMvpd = "ExampleFiber";

    /// <summary>Both providers list it, so the same MVPD id can be checked for isolation.</summary>
    public const string SharedMvpd = "ExampleSat";

    /// <summary>Basic Temp Pass, 30 minutes (the first provider's lasts an hour).</summary>
    public const string TempPassMvpd = "TempPass_REF31";

    /// <summary>Promotional Temp Pass: 12 hours, 2 titles, the identifier hash under <see cref="TempPassIdentityKey"/>.</summary>
    public const string PromotionalTempPassMvpd = "TempPassPromo_REF31";

    public const string TempPassIdentityKey = "hashedEmail";

    public static readonly TimeSpan TempPassTtl = TimeSpan.FromMinutes(30);

    /// <summary>The emulator settings that add this provider as <c>Emulator:ServiceProviders:{index}</c>.</summary>
    /// <param name="index">Its position in <c>Emulator:ServiceProviders</c>.</param>
    /// <param name="metadataCertificate">Its metadata certificate (Base64 DER or PEM); none: no encryption.</param>
    /// <param name="alsoLinkedStatements">More software statements linked to it, e.g. one the first provider lists too.</param>
    public static string[] Settings(int index = 0, string? metadataCertificate = null, params string[] alsoLinkedStatements)
    {
        var p = $"--Emulator:ServiceProviders:{index}:";
        string[] settings =
        [
            $"{p}Id={Id}",
            $"{p}Name={Name}",
            $"{p}SoftwareStatements:0={SoftwareStatement}",
            .. alsoLinkedStatements.Select((s, i) => $"{p}SoftwareStatements:{i + 1}={s}"),
            $"{p}Domains:0:Name=localhost",
            $"{p}Mvpds:0:Id={OwnMvpd}",
            $"{p}Mvpds:0:DisplayName=Example Fiber",
            $"{p}Mvpds:0:HasLogoutEndpoint=true",
            $"{p}Mvpds:1:Id={SharedMvpd}",
            $"{p}Mvpds:1:DisplayName=Example Satellite",
            $"{p}Mvpds:2:Id={TempPassMvpd}",
            $"{p}Mvpds:2:DisplayName=Temp Pass",
            $"{p}Mvpds:2:IsTempPass=true",
            $"{p}Mvpds:2:TempPass:Kind=Basic",
            $"{p}Mvpds:2:TempPass:Ttl={TempPassTtl:c}",
            $"{p}Mvpds:3:Id={PromotionalTempPassMvpd}",
            $"{p}Mvpds:3:DisplayName=Promotional Temp Pass",
            $"{p}Mvpds:3:IsTempPass=true",
            $"{p}Mvpds:3:TempPass:Kind=Promotional",
            $"{p}Mvpds:3:TempPass:Ttl=12:00:00",
            $"{p}Mvpds:3:TempPass:MaxResources=2",
            $"{p}Mvpds:3:TempPass:IdentityKey={TempPassIdentityKey}",
        ];
        return metadataCertificate is null ? settings : [.. settings, $"{p}MetadataEncryption:Certificate={metadataCertificate}"];
    }
}
