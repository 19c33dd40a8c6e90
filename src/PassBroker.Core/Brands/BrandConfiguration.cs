using Microsoft.Extensions.Configuration;

namespace PassBroker.Core.Brands;

/// <summary>
/// A brand's view of one settings section: the top-level section with the brand's own values
/// (<c>Brands:{brand}:{section}</c>) laid over it key by key, so a brand states only where it differs. A list the brand
/// sets replaces the top-level list as a whole (binding would otherwise merge the two index by index, and a brand's
/// <c>Mvpds:Allow</c> would silently keep the default brand's extra entries).
/// </summary>
public static class BrandConfiguration
{
    /// <summary>The sections a brand may set; the others (storage, limits, hosting...) belong to the deployment.</summary>
    public static readonly IReadOnlyList<string> PerBrandSections =
        ["AdobePass", BrandOptions.SectionName, "Mvpds", "TempPass", "Rules", "SignIn", "SecondScreen"];

    /// <summary>The configuration <paramref name="section"/> (e.g. <c>Rules:ConcurrentPlays</c>) binds from for the brand.</summary>
    public static IConfiguration For(IConfiguration root, string brand, string section)
    {
        var top = root.GetSection(section);
        if (BrandKeys.IsDefault(brand))
        {
            return top;
        }
        var own = root.GetSection($"{BrandCatalog.SectionName}:{brand}:{section}").AsEnumerable(makePathsRelative: true)
            .Where(kv => kv.Value is not null).ToList();
        var values = top.AsEnumerable(makePathsRelative: true).Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var list in own.Select(kv => ListOf(kv.Key)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            foreach (var key in values.Keys.Where(k => string.Equals(ListOf(k), list, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                values.Remove(key);
            }
        }
        foreach (var (key, value) in own)
        {
            values[key] = value;
        }
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>The path of the outermost list a key is in (<c>Allow:0</c> → <c>Allow</c>), or null.</summary>
    private static string? ListOf(string key)
    {
        var segments = key.Split(ConfigurationPath.KeyDelimiter);
        var index = Array.FindIndex(segments, s => s.Length > 0 && s.All(char.IsAsciiDigit));
        return index <= 0 ? null : string.Join(ConfigurationPath.KeyDelimiter, segments[..index]);
    }
}
