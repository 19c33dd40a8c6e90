using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;

namespace PassBroker.Http.Pages.Branding;

/// <summary>
/// Each brand's look on the second-screen pages (<see cref="BrandOptions"/>), and which look a page takes: the brand of
/// the code's device once it is known, else the brand the link names, else (a bare <c>/authn</c>) the default brand's
/// on a single-brand deployment and a neutral one where there are several, since the page cannot know whose TV it is.
/// A brand that sets no colour (nor name, nor logo) looks as the pages did before brands.
/// </summary>
public sealed class BrandLooks
{
    private static readonly string[] Colors = [nameof(BrandOptions.PrimaryColor), nameof(BrandOptions.BackgroundColor), nameof(BrandOptions.TextColor)];

    private readonly BrandCatalog _catalog;
    private readonly Dictionary<string, BrandLook> _looks;

    public BrandLooks(IConfiguration configuration, BrandCatalog catalog, IOptionsMonitor<BrandOptions> brands, AuthnPagePolicy policy)
    {
        _catalog = catalog;
        Neutral = new BrandLook(null, null, null, AuthnStylesheet.Css, VersionOf(AuthnStylesheet.Css));
        _looks = catalog.All.ToDictionary(b => b, b => LookOf(configuration, b, brands.Get(b), policy), StringComparer.Ordinal);
    }

    /// <summary>The look of a page that knows no brand on a deployment of several.</summary>
    public BrandLook Neutral { get; }

    /// <summary>The look of the brand with that key (the code's device's); a brand no longer configured: neutral.</summary>
    public BrandLook Of(string? brand) => brand is not null && _looks.TryGetValue(brand, out var look) ? look : ForLink(null);

    /// <summary>The look for the brand a link or form names by public id; none, or one no brand has: see the class.</summary>
    public BrandLook ForLink(string? publicId)
    {
        if (!string.IsNullOrEmpty(publicId) && _catalog.TryResolve(publicId, out var brand))
        {
            return _looks[brand];
        }
        return _catalog.IsMultiBrand ? Neutral : _looks[BrandKeys.Default];
    }

    /// <summary>The brand (public id) a page's link or form action names: <c>?brand=</c>.</summary>
    public static string? Named(HttpRequest request) => request.Query[SecondScreenOptions.BrandParameter].FirstOrDefault();

    /// <summary>The look for the brand the request's link names (<see cref="Named"/>).</summary>
    public BrandLook ForRequest(HttpRequest request) => ForLink(Named(request));

    /// <summary>The brand key a link or form names, or null (none, or unknown): the code is then looked up under every brand.</summary>
    public string? BrandOf(string? publicId) =>
        !string.IsNullOrEmpty(publicId) && _catalog.IsMultiBrand && _catalog.TryResolve(publicId, out var brand) ? brand : null;

    private BrandLook LookOf(IConfiguration configuration, string brand, BrandOptions options, AuthnPagePolicy policy)
    {
        // Only what the brand (or, under it, the top level) sets: the defaults of BrandOptions are not a look of their own.
        var section = BrandConfiguration.For(configuration, brand, BrandOptions.SectionName);
        var css = Colors.Any(c => section[c] is not null) ? AuthnStylesheet.Css + BrandPalette.Css(options) : AuthnStylesheet.Css;
        var name = section[nameof(BrandOptions.Name)] is not null ? options.Name : null;
        var logo = Uri.TryCreate(options.LogoUrl, UriKind.Absolute, out var uri) && policy.AllowsLogo(uri) ? uri.AbsoluteUri : null;
        return new BrandLook(_catalog.IsMultiBrand ? _catalog.PublicId(brand) : null, name, logo, css, VersionOf(css));
    }

    private static string VersionOf(string css) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)).AsSpan(0, 6));
}
