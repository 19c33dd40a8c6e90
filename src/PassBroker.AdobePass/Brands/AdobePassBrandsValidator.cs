using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;

namespace PassBroker.AdobePass.Brands;

/// <summary>
/// The check of <c>Brands:{id}:AdobePass</c> that the overlay hides, run once with the default brand's options: each
/// brand names its service provider itself, as inheriting the default's would quietly send a brand's traffic as another
/// programmer's app (two brands may still name the same one). Which keys a brand may set at all is
/// <see cref="AdobePassOptions.PerBrand"/>'s limit (<see cref="BrandSettingsLimit"/>).
/// </summary>
internal sealed class AdobePassBrandsValidator(IConfiguration configuration) : IValidateOptions<AdobePassOptions>
{
    public ValidateOptionsResult Validate(string? name, AdobePassOptions options)
    {
        if (!BrandKeys.IsDefault(name))
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = BrandCatalog.ConfiguredBrands(configuration)
            .Select(brand => $"{BrandCatalog.SectionName}:{brand}:{AdobePassOptions.SectionName}:{nameof(AdobePassOptions.ServiceProvider)}")
            .Where(path => string.IsNullOrWhiteSpace(configuration[path]))
            .Select(path => $"{path}: every brand names its service provider (requestor id) itself; two brands may name the same one.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
