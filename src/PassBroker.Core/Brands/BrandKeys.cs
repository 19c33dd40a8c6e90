namespace PassBroker.Core.Brands;

/// <summary>
/// A brand's key: the name of its options (<c>IOptionsMonitor&lt;T&gt;.Get(brand)</c>) and what devices, rows and
/// telemetry carry. The default brand, the one today's top-level settings describe, has the empty key
/// (<c>Options.DefaultName</c>), so a single-brand deployment's rows, keys and options are the same as before brands
/// existed; every other brand's key is its id under <c>Brands</c>.
/// </summary>
public static class BrandKeys
{
    /// <summary>The default brand: <c>Options.DefaultName</c>.</summary>
    public const string Default = "";

    public static bool IsDefault(string? brand) => string.IsNullOrEmpty(brand);

    /// <summary>
    /// <paramref name="key"/> scoped to the brand: unchanged for the default brand (so existing rows keep their keys),
    /// <c>{brand}~{key}</c> for another. Brand ids cannot hold <c>~</c>, so two brands' keys never meet.
    /// </summary>
    public static string Scope(string brand, string key) => IsDefault(brand) ? key : $"{brand}~{key}";
}
