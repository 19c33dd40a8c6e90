using System.Globalization;
using PassBroker.Core.Brands;

namespace PassBroker.Http.Pages.Branding;

/// <summary>
/// A brand's <c>#rrggbb</c> colours, checked again where they go into a stylesheet (whatever bound them), and WCAG's
/// contrast ratio, so that a brand's page stays as readable as the built-in one.
/// </summary>
internal static class BrandColors
{
    /// <summary>WCAG AA for body text.</summary>
    public const double TextContrast = 4.5;

    /// <summary>WCAG AA for what is not text: button outlines, the focus ring.</summary>
    public const double ShapeContrast = 3;

    public static bool IsColor(string? value) =>
        value is { Length: 7 } && value[0] == '#' && !value.AsSpan(1).ContainsAnyExcept("0123456789abcdefABCDEF");

    /// <summary>The colour as the stylesheet writes it (lower case); throws for anything but <c>#rrggbb</c>.</summary>
    public static string Css(string value) => IsColor(value)
        ? value.ToLowerInvariant()
        : throw new ArgumentException($"'{value}' is not a colour: {BrandIds.ColorPattern}.", nameof(value));

    /// <summary>WCAG relative luminance, 0 (black) to 1 (white).</summary>
    public static double Luminance(string color)
    {
        var rgb = int.Parse(Css(color).AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (0.2126 * Channel(rgb >> 16)) + (0.7152 * Channel(rgb >> 8)) + (0.0722 * Channel(rgb));
    }

    /// <summary>WCAG contrast ratio, 1 to 21.</summary>
    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>Black or white, whichever reads better on <paramref name="background"/>.</summary>
    public static string OnColor(string background) => Contrast("#ffffff", background) >= Contrast("#000000", background) ? "#ffffff" : "#000000";

    public static bool IsDark(string background) => Contrast("#ffffff", background) > Contrast("#000000", background);

    private static double Channel(int value)
    {
        var c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
