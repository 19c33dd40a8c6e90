using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PassBroker.AdobePass.Pacing;
using PassBroker.AdobePass.Resilience;
using PassBroker.Core.Brands;

namespace PassBroker.AdobePass.Brands;

/// <summary>
/// The checks of <c>Brands:{id}:AdobePass</c> that span the overlay, run once with the default brand's options: each
/// brand names its service provider itself (inheriting the default's would quietly send a brand's traffic as another
/// programmer's app; two brands may still name the same one), and no brand sets what is the deployment's (one Adobe
/// host, one HTTP pipeline and one token cache serve every brand, so a brand's value would be silently ignored).
/// </summary>
internal sealed class AdobePassBrandsValidator(IConfiguration configuration) : IValidateOptions<AdobePassOptions>
{
    /// <summary>Settings under <c>AdobePass</c> that belong to the deployment.</summary>
    public static readonly IReadOnlyList<string> DeploymentWide =
    [
        nameof(AdobePassOptions.BaseUrl), nameof(AdobePassOptions.ManagementBaseUrl), nameof(AdobePassOptions.RequestTimeout),
        nameof(AdobePassOptions.TokenRefreshMargin), nameof(AdobePassOptions.MaxAccessTokens), nameof(AdobePassOptions.PooledConnectionLifetime),
        ResilienceOptions.SectionName[(AdobePassOptions.SectionName.Length + 1)..], PacingOptions.SectionName[(AdobePassOptions.SectionName.Length + 1)..],
    ];

    public ValidateOptionsResult Validate(string? name, AdobePassOptions options)
    {
        if (!BrandKeys.IsDefault(name))
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = new List<string>();
        foreach (var brand in BrandCatalog.ConfiguredBrands(configuration))
        {
            var path = $"{BrandCatalog.SectionName}:{brand}:{AdobePassOptions.SectionName}";
            var own = configuration.GetSection(path);
            if (string.IsNullOrWhiteSpace(own[nameof(AdobePassOptions.ServiceProvider)]))
            {
                failures.Add($"{path}:{nameof(AdobePassOptions.ServiceProvider)}: every brand names its service provider (requestor id) itself; two brands may name the same one.");
            }
            foreach (var setting in DeploymentWide.Where(s => own.GetSection(s).Exists()))
            {
                failures.Add($"{path}:{setting}: deployment-wide, not per brand; set it under {AdobePassOptions.SectionName}:{setting}.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
