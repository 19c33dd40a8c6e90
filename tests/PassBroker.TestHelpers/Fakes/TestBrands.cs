using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;

namespace PassBroker.TestHelpers.Fakes;

/// <summary>Brands for services built by hand: a catalog, and per-brand options as <c>IOptionsMonitor&lt;T&gt;.Get(brand)</c> serves them.</summary>
public static class TestBrands
{
    /// <summary>A second brand, besides the default one (key <see cref="BrandKeys.Default"/>).</summary>
    public const string Second = "ref31";

    /// <summary>The catalog of a deployment with the default brand and <paramref name="brands"/>.</summary>
    /// <param name="brands">The other brands' ids.</param>
    public static BrandCatalog Catalog(params string[] brands) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(brands.Select(b => KeyValuePair.Create($"{BrandCatalog.SectionName}:{b}:{BrandOptions.SectionName}:Name", (string?)b)))
        .Build());

    /// <summary>Options per brand: <paramref name="defaultBrand"/> for the default brand, and each of <paramref name="brands"/>.</summary>
    /// <typeparam name="T">The options type.</typeparam>
    /// <param name="defaultBrand">The default brand's (also <c>CurrentValue</c>).</param>
    /// <param name="brands">Other brands' options, by brand key.</param>
    public static IOptionsMonitor<T> Options<T>(T defaultBrand, params (string Brand, T Options)[] brands)
        where T : class => new Monitor<T>(new Dictionary<string, T>(brands.Select(b => KeyValuePair.Create(b.Brand, b.Options)))
        {
            [BrandKeys.Default] = defaultBrand,
        });

    private sealed class Monitor<T>(Dictionary<string, T> byBrand) : IOptionsMonitor<T>
        where T : class
    {
        public T CurrentValue => byBrand[BrandKeys.Default];

        // An unknown brand fails the test: the code asked for options of a brand nobody configured.
        public T Get(string? name) => byBrand[name ?? BrandKeys.Default];

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
