using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;
using PassBroker.Core.Mvpds;
using PassBroker.Core.Sessions;

namespace PassBroker.Core.Tests.Brands;

public sealed class BrandSettingsLimitTests
{
    [Fact]
    public void A_brand_may_set_its_own_sign_in_urls_and_domain()
    {
        using var services = Build(new()
        {
            ["SignIn:PollInterval"] = "00:00:20",
            ["Brands:ref31:SignIn:RedirectUrl"] = "https://sports.example.com/authn/done",
            ["Brands:ref31:SignIn:DomainName"] = "sports.example.com",
        });

        _ = services.GetRequiredService<IOptions<BrandSettingsLimit.Marker<SignInOptions>>>().Value;
        var ofSecond = services.GetRequiredService<IOptionsMonitor<SignInOptions>>().Get("ref31");
        Assert.Equal(("sports.example.com", TimeSpan.FromSeconds(20)), (ofSecond.DomainName, ofSecond.PollInterval));
    }

    [Theory]
    [InlineData("Brands:ref31:SignIn:PollInterval", "00:00:20")]
    [InlineData("Brands:ref31:SignIn:MaxWaitsPerDevice", "2")]
    public void A_brand_setting_a_deployment_wide_sign_in_setting_fails_naming_it(string key, string value)
    {
        using var services = Build(new() { [key] = value, ["Brands:ref31:SignIn:DomainName"] = "sports.example.com" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BrandSettingsLimit.Marker<SignInOptions>>>().Value);
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DomainName:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_brand_setting_the_mvpd_cache_lifetime_fails_naming_it()
    {
        using var services = Build(new() { ["Brands:ref31:Mvpds:CacheDuration"] = "00:05:00", ["Brands:ref31:Mvpds:Deny:0"] = "x" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BrandSettingsLimit.Marker<MvpdCatalogOptions>>>().Value);
        Assert.Equal(["Brands:ref31:Mvpds:CacheDuration"], failure.Failures.Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPassBrokerBrands(configuration);
        services.AddBrandedOptions<SignInOptions>(configuration, SignInOptions.SectionName)
            .LimitBrandSettings<SignInOptions>(SignInOptions.SectionName, SignInOptions.PerBrand);
        services.AddBrandedOptions<MvpdCatalogOptions>(configuration, MvpdCatalogOptions.SectionName)
            .LimitBrandSettings<MvpdCatalogOptions>(MvpdCatalogOptions.SectionName, MvpdCatalogOptions.PerBrand);
        return services.BuildServiceProvider();
    }
}
