namespace PassBroker.Http.Pages.Branding;

/// <summary>How the second-screen pages look for one brand, worked out once at startup (<see cref="BrandLooks"/>).</summary>
/// <param name="LinkId">The brand's public id where the deployment has several brands: the pages' links and form actions
/// carry it (<see cref="SecondScreenOptions.BrandParameter"/>). Null on a single-brand deployment, whose pages name no brand.</param>
/// <param name="Name">The name the pages show, when the brand's <c>Brand:Name</c> is set; null: no name, as before brands.</param>
/// <param name="LogoUrl">The brand's logo (https, from an allowed logo host), or null.</param>
/// <param name="Stylesheet">The whole stylesheet: the built-in one, with the brand's palette when it sets colours.</param>
/// <param name="Version">A hash of <paramref name="Stylesheet"/>: the link carries it, so a cached copy never outlives a change.</param>
public sealed record BrandLook(string? LinkId, string? Name, string? LogoUrl, string Stylesheet, string Version)
{
    /// <summary>The page's link to its stylesheet.</summary>
    public string StylesheetHref => LinkId is null || Stylesheet == AuthnStylesheet.Css
        ? $"/{Routes.AuthnStylesheet}?{BrandStylesheet.VersionParameter}={Version}"
        : $"/{Routes.AuthnStylesheet}?{SecondScreenOptions.BrandParameter}={Uri.EscapeDataString(LinkId)}&{BrandStylesheet.VersionParameter}={Version}";

    /// <summary>A link to the code page that keeps the brand.</summary>
    public string CodePageHref => Href(Routes.Authn);

    /// <summary>A link (or form action) to one of the pages' routes that keeps the brand: it travels in the query string,
    /// so every page, a refused or failed post's included, knows its look before reading a form.</summary>
    public string Href(string route) => LinkId is null ? $"/{route}" : $"/{route}?{SecondScreenOptions.BrandParameter}={Uri.EscapeDataString(LinkId)}";
}
