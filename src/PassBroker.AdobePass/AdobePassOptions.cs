using System.ComponentModel.DataAnnotations;
using PassBroker.AdobePass.Management;

namespace PassBroker.AdobePass;

/// <summary>
/// Where Adobe Pass is and who PassBroker is to it. Per brand: only <see cref="PerBrand"/>, who PassBroker is; where
/// Adobe is and how it is called (hosts, timeouts, the token cache, <c>Resilience</c>, <c>Pacing</c>) is the
/// deployment's: one HTTP pipeline and one token cache serve every brand.
/// <code>
/// "AdobePass": { "BaseUrl": "https://sp.auth.adobe.com", "ServiceProvider": "REF30", "SoftwareStatementSecret": "software-statement",
///                "RequestTimeout": "00:00:10", "TokenRefreshMargin": "00:05:00", "PooledConnectionLifetime": "00:00:30" }
/// </code>
/// </summary>
public sealed class AdobePassOptions : IValidatableObject
{
    public const string SectionName = "AdobePass";

    /// <summary>The keys a brand may set under <c>Brands:{id}:AdobePass</c> (the README's <b>Per brand</b> list).</summary>
    public static readonly string[] PerBrand =
    [
        nameof(ServiceProvider), nameof(SoftwareStatementSecret), nameof(MetadataCertificateSecret), nameof(MetadataBackupCertificateSecret),
        nameof(ManagementClient), nameof(DcrRedirectUri), nameof(TempPassResetVersion),
    ];

    /// <summary>The host both APIs live on: REST API V2 under <c>/api/v2</c>, DCR under <c>/o</c>
    /// (production <c>https://sp.auth.adobe.com</c>, prequal <c>https://sp-prequal.auth.adobe.com</c>).</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://sp.auth.adobe.com");

    /// <summary>The service provider (requestor) id, e.g. <c>REF30</c>.</summary>
    [Required]
    public string ServiceProvider { get; set; } = "";

    /// <summary>
    /// The secret holding the software statement (a JWT from the TVE Dashboard) DCR registrations are made with. A
    /// statement belongs to one service provider, as does a deployment; read on each registration (the store caches), so
    /// a replaced statement is used from the next cache refresh on.
    /// </summary>
    [Required]
    public string SoftwareStatementSecret { get; set; } = "software-statement";

    /// <summary>Host of Adobe's management APIs (the Temp Pass reset); prequal: <c>https://mgmt-prequal.auth.adobe.com</c>.</summary>
    public Uri ManagementBaseUrl { get; set; } = new("https://mgmt.auth.adobe.com");

    /// <summary>Version of the Temp Pass reset API: <c>v3</c> (current) or the retired <c>v2.1</c> of older integrations.</summary>
    [RegularExpression("^(v3|v2\\.1)$")]
    public string TempPassResetVersion { get; set; } = "v3";

    /// <summary>
    /// Secret holding the primary metadata certificate with its private key (Base64 PKCS#12 or PEM; in Key Vault, a
    /// certificate with an exportable key of this name). It opens the <c>enc</c> user metadata (e.g. <c>zip</c>).
    /// </summary>
    public string? MetadataCertificateSecret { get; set; } = "metadata-certificate";

    /// <summary>Secret holding the backup certificate, tried after the primary: upload both to the TVE Dashboard to rotate.</summary>
    public string? MetadataBackupCertificateSecret { get; set; } = "metadata-certificate-backup";

    /// <summary>How PassBroker's own DCR client (the Temp Pass reset's) describes itself to Adobe.</summary>
    public ManagementClientOptions ManagementClient { get; set; } = new();

    /// <summary>Optional <c>redirect_uri</c> sent with DCR registrations.</summary>
    public string? DcrRedirectUri { get; set; }

    /// <summary>How long one attempt of an upstream call may take before PassBroker gives up on it (all attempts
    /// together: <c>AdobePass:Resilience:TotalTimeout</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Access tokens are refreshed this long before <c>expires_in</c> runs out.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Devices' DCR access tokens kept in memory per instance, like <c>InstanceCache:MaxEntries</c>: past this,
    /// the least recently used go (a device that comes back reads its token from its record).</summary>
    [Range(1, 10_000_000)]
    public int MaxAccessTokens { get; set; } = 200_000;

    /// <summary>Connections are recycled this often so DNS changes are seen: Adobe asks for a DNS cache of at most 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!BaseUrl.IsAbsoluteUri || BaseUrl.AbsolutePath != "/")
        {
            yield return new ValidationResult("BaseUrl must be an absolute URL with no path, e.g. https://sp.auth.adobe.com.", [nameof(BaseUrl)]);
        }
        if (!ManagementBaseUrl.IsAbsoluteUri || ManagementBaseUrl.AbsolutePath != "/")
        {
            yield return new ValidationResult("ManagementBaseUrl must be an absolute URL with no path, e.g. https://mgmt.auth.adobe.com.", [nameof(ManagementBaseUrl)]);
        }
        foreach (var failure in ManagementClient.Validate(nameof(ManagementClient)))
        {
            yield return failure;
        }
        if (ServiceProvider.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-' and not '.'))
        {
            yield return new ValidationResult("ServiceProvider may hold only letters, digits, '_', '-' and '.'.", [nameof(ServiceProvider)]);
        }
    }
}
