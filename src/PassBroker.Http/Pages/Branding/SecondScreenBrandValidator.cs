using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;

namespace PassBroker.Http.Pages.Branding;

/// <summary>
/// A brand may set its own <c>SecondScreen:PublicBaseUrl</c>, and nothing else of the section: the logo hosts make the one
/// policy every page states, and the code attempt limit counts a client's codes across brands. A brand setting one of
/// those would be silently ignored, so it is a startup error naming the setting.
/// </summary>
internal sealed class SecondScreenBrandValidator(IConfiguration configuration) : IValidateOptions<SecondScreenOptions>
{
    public ValidateOptionsResult Validate(string? name, SecondScreenOptions options)
    {
        if (BrandKeys.IsDefault(name))
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = SecondScreenOptions.DeploymentWide
            .Select(key => $"{BrandCatalog.SectionName}:{name}:{SecondScreenOptions.SectionName}:{key}")
            .Where(path => configuration.GetSection(path).Exists())
            .Select(path => $"{path}: deployment-wide; set it once, as {path[(path.IndexOf(SecondScreenOptions.SectionName, StringComparison.Ordinal))..]}.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
