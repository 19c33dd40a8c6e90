using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;

namespace PassBroker.Http.Pages;

/// <summary>
/// The <c>secondScreenUrl</c> of a sign-in: the device's brand's <see cref="SecondScreenOptions.PublicBaseUrl"/>, and,
/// where the deployment has several brands, the brand (<c>&amp;brand=</c>): two brands may hold the same code, and the
/// link tells the page whose it is. A single-brand deployment's links name no brand, as before brands.
/// </summary>
public sealed class SecondScreenLinks(IOptionsMonitor<SecondScreenOptions> options, BrandCatalog brands)
{
    public string For(string brand, string code) => options.Get(brand).UrlFor(code, brands.IsMultiBrand ? brands.PublicId(brand) : null);
}
