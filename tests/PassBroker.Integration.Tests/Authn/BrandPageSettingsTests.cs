using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PassBroker.AdobePass;
using PassBroker.Core;
using PassBroker.Core.Brands;
using PassBroker.Http.Pages;

namespace PassBroker.Integration.Tests.Authn;

/// <summary>The startup checks of the brands' page settings: each failure names the brand's setting.</summary>
public sealed class BrandPageSettingsTests
{
    [Fact]
    public void BrandsLogo_FromAHostThePolicyDoesNotAllow_NamesTheSetting()
    {
        var failures = BrandFailures(("Brands:ref31:Brand:LogoUrl", "https://tracker.example.org/logo.png"));

        Assert.StartsWith("Brands:ref31:Brand:LogoUrl: 'https://tracker.example.org/logo.png' must be an https URL on one of SecondScreen:LogoHosts",
            Assert.Single(failures), StringComparison.Ordinal);
    }

    [Fact]
    public void BrandsLogo_OverPlainHttp_IsRefused_OverHttpsFromAnAllowedHost_IsFine()
    {
        Assert.Single(BrandFailures(("Brands:ref31:Brand:LogoUrl", "http://logos.example.com/logo.png")));
        Assert.Empty(BrandFailures(("Brands:ref31:Brand:LogoUrl", "https://logos.example.com/logo.png")));
    }

    [Fact]
    public void TextThatDoesNotStandOutFromTheBackground_NamesTheDefaultBrandsSetting()
    {
        var failures = Failures<BrandOptionsProbe>("", ("Brand:TextColor", "#777777"), ("Brand:BackgroundColor", "#808080"), ("Brand:PrimaryColor", "#000000"));

        Assert.StartsWith("Brand:TextColor: contrast with BackgroundColor is 1.1:1", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Fact]
    public void PrimaryColourLostOnTheBackground_NamesTheBrandsSetting()
    {
        var failures = BrandFailures(("Brands:ref31:Brand:PrimaryColor", "#f0f0f0"));

        Assert.StartsWith("Brands:ref31:Brand:PrimaryColor: contrast with BackgroundColor", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#fff;}body{display:none")]
    [InlineData("red")]
    [InlineData("#12345")]
    public void ColourThatIsNotRrggbb_IsRefused(string color)
    {
        var failures = BrandFailures(("Brands:ref31:Brand:PrimaryColor", color));

        Assert.Contains(failures, f => f.StartsWith("Brands:ref31:Brand:PrimaryColor", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("LogoHosts:0", "logos.example.com")]
    [InlineData("CodeAttemptsPerIp", "100")]
    [InlineData("CodeAttemptsWindow", "00:10:00")]
    public void BrandSettingADeploymentWideSecondScreenSetting_NamesIt(string key, string value)
    {
        var failures = Failures<SecondScreenProbe>("ref31", ($"Brands:ref31:SecondScreen:{key}", value));

        Assert.StartsWith($"Brands:ref31:SecondScreen:{key.Split(':')[0]}: deployment-wide", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Fact]
    public void BrandsOwnPublicBaseUrl_IsItsOwn()
    {
        using var services = Build(("Brands:ref31:SecondScreen:PublicBaseUrl", "https://sports.example"));
        var links = services.GetRequiredService<SecondScreenLinks>();

        Assert.Equal("https://sports.example/authn?code=ABC123&brand=ref31", links.For("ref31", "ABC123"));
        Assert.Equal("https://tv.example/authn?code=ABC123&brand=ref30", links.For("", "ABC123"));
    }

    private static List<string> BrandFailures(params (string Key, string Value)[] settings) => Failures<BrandOptionsProbe>("ref31", settings);

    private static List<string> Failures<TProbe>(string brand, params (string Key, string Value)[] settings) where TProbe : IProbe
    {
        using var services = Build(settings);
        try
        {
            TProbe.Resolve(services, brand);
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Brand:Id"] = "ref30",
            ["Brands:ref31:Brand:Name"] = "Reference Sports",
            ["SecondScreen:PublicBaseUrl"] = "https://tv.example",
            ["SecondScreen:LogoHosts:0"] = "logos.example.com",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddPassBrokerBrands(configuration);
        services.AddOptions<AdobePassOptions>().Configure(o => (o.BaseUrl, o.ServiceProvider) = (new Uri("https://sp.auth.adobe.com"), "REF30"));
        services.AddPassBrokerPages(configuration);
        return services.BuildServiceProvider();
    }

    private interface IProbe
    {
        static abstract void Resolve(IServiceProvider services, string brand);
    }

    private sealed class BrandOptionsProbe : IProbe
    {
        public static void Resolve(IServiceProvider services, string brand) =>
            _ = services.GetRequiredService<IOptionsMonitor<Core.Brands.BrandOptions>>().Get(brand);
    }

    private sealed class SecondScreenProbe : IProbe
    {
        public static void Resolve(IServiceProvider services, string brand) =>
            _ = services.GetRequiredService<IOptions<BrandSettingsLimit.Marker<SecondScreenOptions>>>().Value;
    }
}
