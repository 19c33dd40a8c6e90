using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;

namespace PassBroker.Http.Pages.Branding;

/// <summary>
/// Startup checks of each brand's look that its data annotations cannot make: the logo must be one the pages' policy lets
/// load (https, from <c>SecondScreen:LogoHosts</c>), and the colours must read as well as the built-in ones (WCAG AA).
/// Each failure names the brand's setting.
/// </summary>
internal sealed class BrandPageValidator(AuthnPagePolicy policy) : IValidateOptions<BrandOptions>
{
    public ValidateOptionsResult Validate(string? name, BrandOptions options)
    {
        var path = BrandKeys.IsDefault(name) ? BrandOptions.SectionName : $"{BrandCatalog.SectionName}:{name}:{BrandOptions.SectionName}";
        var failures = new List<string>();
        if (options.LogoUrl is { Length: > 0 } logo && !(Uri.TryCreate(logo, UriKind.Absolute, out var uri) && policy.AllowsLogo(uri)))
        {
            failures.Add($"{path}:{nameof(BrandOptions.LogoUrl)}: '{logo}' must be an https URL on one of SecondScreen:LogoHosts, "
                + "or the pages' Content-Security-Policy would block it.");
        }
        // Malformed colours are the data annotations' to report (BrandIds.ColorPattern); only well-formed ones are compared.
        if (!new[] { options.TextColor, options.BackgroundColor, options.PrimaryColor }.All(BrandColors.IsColor))
        {
            return Result(failures);
        }
        if (BrandColors.Contrast(options.TextColor, options.BackgroundColor) is var text and < BrandColors.TextContrast)
        {
            failures.Add($"{path}:{nameof(BrandOptions.TextColor)}: contrast with {nameof(BrandOptions.BackgroundColor)} is {text:0.0}:1; "
                + $"text needs at least {BrandColors.TextContrast}:1 (WCAG AA).");
        }
        if (BrandColors.Contrast(options.PrimaryColor, options.BackgroundColor) is var shape and < BrandColors.ShapeContrast)
        {
            failures.Add($"{path}:{nameof(BrandOptions.PrimaryColor)}: contrast with {nameof(BrandOptions.BackgroundColor)} is {shape:0.0}:1; "
                + $"buttons and the focus ring need at least {BrandColors.ShapeContrast}:1 (WCAG AA).");
        }
        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
