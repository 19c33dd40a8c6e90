using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;
using PassBroker.Core.Mvpds;

namespace PassBroker.Core.Tests.Brands;

public sealed class BrandConfigurationTests
{
    private static readonly Dictionary<string, string?> TwoBrands = new()
    {
        ["Mvpds:CacheDuration"] = "00:03:00",
        ["Mvpds:Deny:0"] = "a",
        ["Mvpds:Deny:1"] = "b",
        ["Brand:Id"] = "ref30",
        ["Brand:Name"] = "Reference TV",
        ["Brands:ref31:Mvpds:Deny:0"] = "c",
        ["Brands:ref31:Brand:Name"] = "Reference Sports",
        ["Brands:ref32:Brand:PrimaryColor"] = "#000000",
    };

    [Fact]
    public void A_brand_overrides_only_the_keys_it_sets_and_replaces_whole_lists()
    {
        using var services = Build(TwoBrands);
        var mvpds = services.GetRequiredService<IOptionsMonitor<MvpdCatalogOptionsProbe>>();

        Assert.Equal(["a", "b"], mvpds.Get(BrandKeys.Default).Deny);
        Assert.Equal(["c"], mvpds.Get("ref31").Deny);
        Assert.Equal(TimeSpan.FromMinutes(3), mvpds.Get("ref31").CacheDuration);
        Assert.Equal(["a", "b"], mvpds.Get("ref32").Deny);
    }

    [Fact]
    public void The_default_brand_reads_the_top_level_sections_unchanged()
    {
        using var services = Build(TwoBrands);
        var brands = services.GetRequiredService<IOptionsMonitor<BrandOptions>>();

        Assert.Equal("Reference TV", services.GetRequiredService<IOptions<BrandOptions>>().Value.Name);
        Assert.Equal("Reference Sports", brands.Get("ref31").Name);
        Assert.Equal("Reference TV", brands.Get("ref32").Name);
        Assert.Equal("#000000", brands.Get("ref32").PrimaryColor);
    }

    [Fact]
    public void The_catalog_resolves_public_ids_to_brand_keys()
    {
        using var services = Build(TwoBrands);
        var catalog = services.GetRequiredService<BrandCatalog>();

        Assert.Equal(["", "ref31", "ref32"], catalog.All);
        Assert.True(catalog.TryResolve(null, out var brand) && brand == BrandKeys.Default);
        Assert.True(catalog.TryResolve("ref30", out brand) && brand == BrandKeys.Default);
        Assert.True(catalog.TryResolve("ref31", out brand) && brand == "ref31");
        Assert.False(catalog.TryResolve("REF31", out _));
        Assert.False(catalog.TryResolve("nope", out _));
        Assert.Equal("ref30", catalog.PublicId(BrandKeys.Default));
        Assert.Equal("ref31", catalog.PublicId("ref31"));
    }

    [Fact]
    public void A_single_brand_configuration_has_only_the_default_brand()
    {
        using var services = Build(new() { ["Mvpds:Deny:0"] = "a" });
        var catalog = services.GetRequiredService<BrandCatalog>();

        Assert.Equal([BrandKeys.Default], catalog.All);
        Assert.False(catalog.IsMultiBrand);
        Assert.Equal(BrandOptions.DefaultId, catalog.PublicId(BrandKeys.Default));
    }

    [Fact]
    public void A_bad_brand_setting_fails_validation_naming_the_brand_and_the_setting()
    {
        using var services = Build(new() { ["Brands:ref31:Brand:PrimaryColor"] = "red" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<BrandOptions>>().Get("ref31"));
        Assert.Contains("Brands:ref31:Brand:PrimaryColor", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Brands:REF31:Brand:Name", "Brands:REF31")]
    [InlineData("Brands:ref31:Storage:ConnectionString", "Brands:ref31:Storage")]
    [InlineData("Brands:default:Brand:Name", "Brands:default")]
    public void The_brand_list_is_checked(string key, string named)
    {
        using var services = Build(new() { [key] = "x" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BrandCatalogValidator.Marker>>().Value);
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPassBrokerBrands(configuration);
        services.AddBrandedOptions<MvpdCatalogOptionsProbe>(configuration, MvpdCatalogOptions.SectionName);
        return services.BuildServiceProvider();
    }

    /// <summary>A copy of the MVPD section's shape, so this test does not depend on which options become per brand.</summary>
    private sealed class MvpdCatalogOptionsProbe
    {
        public TimeSpan CacheDuration { get; set; }
        public string[] Deny { get; set; } = [];
    }
}
