using System.ComponentModel.DataAnnotations;

namespace PassBroker.Core.Brands;

/// <summary>
/// Who a brand is to its users: its public id (the default brand's; another brand's id is its key under
/// <c>Brands</c>) and how its second-screen pages look. Per brand, like every section in
/// <see cref="BrandConfiguration.PerBrandSections"/>.
/// <code>
/// "Brand": { "Id": "ref30", "Name": "Reference TV", "PrimaryColor": "#1a73e8", "BackgroundColor": "#ffffff",
///            "TextColor": "#202124", "LogoUrl": "https://logos.example.com/ref30.png" }
/// </code>
/// </summary>
public sealed class BrandOptions
{
    public const string SectionName = "Brand";

    /// <summary>The default brand's id when <c>Brand:Id</c> is not set.</summary>
    public const string DefaultId = "default";

    /// <summary>
    /// The default brand's public id (what an app may send at registration). Ignored under <c>Brands:{id}</c>, whose key
    /// is the brand's id.
    /// </summary>
    [RegularExpression(BrandIds.Pattern)]
    public string Id { get; set; } = DefaultId;

    /// <summary>The name pages show (e.g. "Sign in to Reference TV").</summary>
    [Required, StringLength(80, MinimumLength = 1)]
    public string Name { get; set; } = "PassBroker";

    /// <summary>Buttons and links, <c>#rrggbb</c>.</summary>
    [RegularExpression(BrandIds.ColorPattern)]
    public string PrimaryColor { get; set; } = "#1a73e8";

    /// <summary>Page background, <c>#rrggbb</c>.</summary>
    [RegularExpression(BrandIds.ColorPattern)]
    public string BackgroundColor { get; set; } = "#ffffff";

    /// <summary>Body text, <c>#rrggbb</c>.</summary>
    [RegularExpression(BrandIds.ColorPattern)]
    public string TextColor { get; set; } = "#202124";

    /// <summary>Optional https logo shown on the pages; its host must be allowed by the pages' image policy.</summary>
    [Url]
    public string? LogoUrl { get; set; }
}
