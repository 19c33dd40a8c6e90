using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PassBroker.Core.Brands;

/// <summary>
/// Startup checks of the brand list itself: ids that are safe everywhere they go, no brand named like the default one,
/// and no deployment-wide section set under a brand (it would be silently ignored).
/// </summary>
internal sealed class BrandCatalogValidator(IConfiguration configuration, BrandCatalog catalog) : IValidateOptions<BrandCatalogValidator.Marker>
{
    /// <summary>Options type that exists only so the checks run with <c>ValidateOnStart</c>.</summary>
    public sealed class Marker;

    public ValidateOptionsResult Validate(string? name, Marker options)
    {
        var failures = new List<string>();
        if (!BrandIds.IsWellFormed(catalog.DefaultId))
        {
            failures.Add($"{BrandOptions.SectionName}:{nameof(BrandOptions.Id)}: '{catalog.DefaultId}' must match {BrandIds.Pattern}.");
        }
        foreach (var brand in configuration.GetSection(BrandCatalog.SectionName).GetChildren())
        {
            var path = $"{BrandCatalog.SectionName}:{brand.Key}";
            if (!BrandIds.IsWellFormed(brand.Key))
            {
                failures.Add($"{path}: the brand id must match {BrandIds.Pattern}.");
            }
            if (string.Equals(brand.Key, catalog.DefaultId, StringComparison.Ordinal))
            {
                failures.Add($"{path}: '{brand.Key}' is the default brand's id (Brand:Id); the default brand is configured by the top-level sections.");
            }
            foreach (var section in brand.GetChildren().Where(s => !BrandConfiguration.PerBrandSections.Contains(s.Key, StringComparer.OrdinalIgnoreCase)))
            {
                failures.Add($"{path}:{section.Key}: not a per-brand section (per brand: {string.Join(", ", BrandConfiguration.PerBrandSections)}).");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
