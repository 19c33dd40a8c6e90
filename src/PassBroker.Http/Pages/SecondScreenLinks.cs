using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;
using PassBroker.Core.Sessions;

namespace PassBroker.Http.Pages;

/// <summary>
/// The <c>secondScreenUrl</c> of a sign-in: the device's brand's <see cref="SecondScreenOptions.PublicBaseUrl"/>, and,
/// where the deployment has several brands, the brand (<c>&amp;brand=</c>): two brands may hold the same code, and the
/// link tells the page whose it is. A single-brand deployment's links name no brand, as before brands.
/// </summary>
public sealed class SecondScreenLinks(IOptionsMonitor<SecondScreenOptions> options, BrandCatalog brands)
{
    public string For(string brand, string code) => options.Get(brand).UrlFor(code, BrandNamed(brand));

    /// <summary>Whether <paramref name="url"/> is one this deployment hands out: some brand's link for a code's shape.</summary>
    public bool IsLink([NotNullWhen(true)] string? url) => url is not null && brands.All.Any(brand =>
    {
        var prefix = options.Get(brand).UrlFor("");
        var suffix = options.Get(brand).UrlFor("", BrandNamed(brand))[prefix.Length..];
        return url.Length > prefix.Length + suffix.Length && url.StartsWith(prefix, StringComparison.Ordinal)
            && url.EndsWith(suffix, StringComparison.Ordinal) && SessionCodes.IsWellFormed(url[prefix.Length..^suffix.Length]);
    });

    private string? BrandNamed(string brand) => brands.IsMultiBrand ? brands.PublicId(brand) : null;
}
