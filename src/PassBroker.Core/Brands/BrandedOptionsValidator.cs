using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PassBroker.Core.Brands;

/// <summary>
/// Data annotations (and <see cref="IValidatableObject"/>) for one brand's options, with each failure naming the
/// setting's full path, e.g. <c>Brands:ref31:AdobePass:ServiceProvider</c>: the stock validator names neither the brand
/// nor the section.
/// </summary>
internal sealed class BrandedOptionsValidator<T>(string brand, string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        if (!string.Equals(name, brand, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }
        return ValidateOptionsResult.Fail(results.Select(r =>
            $"{BrandCatalog.SectionName}:{brand}:{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
    }
}
