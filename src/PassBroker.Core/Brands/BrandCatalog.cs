using Microsoft.Extensions.Configuration;

namespace PassBroker.Core.Brands;

/// <summary>
/// The brands one deployment serves: the default brand (the top-level settings; its public id is <c>Brand:Id</c>) and
/// one per child of <c>Brands</c>, whose sections overlay the top-level ones (<see cref="BrandConfiguration"/>).
/// <code>
/// "Brand": { "Id": "ref30", "Name": "Reference TV" },
/// "Brands": { "ref31": { "AdobePass": { "ServiceProvider": "REF31", "SoftwareStatementSecret": "software-statement-ref31" },
///                        "Brand": { "Name": "Reference Sports", "PrimaryColor": "#0050b3" } } }
/// </code>
/// </summary>
public sealed class BrandCatalog
{
    public const string SectionName = "Brands";

    private readonly HashSet<string> configured;

    public BrandCatalog(IConfiguration configuration)
    {
        DefaultId = configuration[$"{BrandOptions.SectionName}:{nameof(BrandOptions.Id)}"] is { Length: > 0 } id ? id : BrandOptions.DefaultId;
        Configured = ConfiguredBrands(configuration);
        configured = new HashSet<string>(Configured, StringComparer.Ordinal);
        All = [BrandKeys.Default, .. Configured];
    }

    /// <summary>The public id apps send for the default brand (or send nothing).</summary>
    public string DefaultId { get; }

    /// <summary>The brands under <c>Brands</c>, by key (= public id), in configuration order.</summary>
    public IReadOnlyList<string> Configured { get; }

    /// <summary>Every brand's key, the default (<see cref="BrandKeys.Default"/>) first.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>True when the deployment serves more than the default brand.</summary>
    public bool IsMultiBrand => Configured.Count > 0;

    /// <summary>The brand an app names (null or empty: the default); false for an id no brand has.</summary>
    public bool TryResolve(string? publicId, out string brand)
    {
        brand = BrandKeys.Default;
        if (string.IsNullOrEmpty(publicId) || string.Equals(publicId, DefaultId, StringComparison.Ordinal))
        {
            return true;
        }
        if (configured.Contains(publicId))
        {
            brand = publicId;
            return true;
        }
        return false;
    }

    /// <summary>True for a brand key this deployment knows (stored rows may name a brand since removed).</summary>
    public bool Contains(string? brand) => BrandKeys.IsDefault(brand) || configured.Contains(brand!);

    /// <summary>What apps, pages and telemetry call the brand.</summary>
    public string PublicId(string? brand) => BrandKeys.IsDefault(brand) ? DefaultId : brand!;

    /// <summary>The brand keys under <c>Brands</c>; for registrations that need them before the container is built.</summary>
    public static IReadOnlyList<string> ConfiguredBrands(IConfiguration configuration) =>
        [.. configuration.GetSection(SectionName).GetChildren().Select(c => c.Key)];
}
