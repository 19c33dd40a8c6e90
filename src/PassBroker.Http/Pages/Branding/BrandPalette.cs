using System.Globalization;
using PassBroker.Core.Brands;

namespace PassBroker.Http.Pages.Branding;

/// <summary>
/// A brand's colours as the stylesheet's custom properties, after the built-in ones so they win in light and dark mode
/// alike (a brand's palette is one palette). Only validated <c>#rrggbb</c> values go in (<see cref="BrandColors"/>): no
/// configuration can add a rule, and the page keeps its strict policy (<c>style-src 'self'</c>, no inline style).
/// </summary>
internal static class BrandPalette
{
    public static string Css(BrandOptions brand)
    {
        var (fg, bg, accent) = (BrandColors.Css(brand.TextColor), BrandColors.Css(brand.BackgroundColor), BrandColors.Css(brand.PrimaryColor));
        var dark = BrandColors.IsDark(bg);
        // The error colour is the built-in one of the matching mode: both read on the built-in backgrounds of that mode.
        return string.Create(CultureInfo.InvariantCulture,
            $":root{{color-scheme:{(dark ? "dark" : "light")};--fg:{fg};--bg:{bg};--muted:{fg};--accent:{accent};--accent-fg:{BrandColors.OnColor(accent)};" +
            $"--error:{(dark ? "#ffb4ab" : "#b3261e")};--line:color-mix(in srgb,{fg} 45%,{bg})}}\n");
    }
}
