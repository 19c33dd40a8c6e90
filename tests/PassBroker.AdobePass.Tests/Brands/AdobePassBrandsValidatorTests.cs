using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PassBroker.AdobePass.Tests.Brands;

/// <summary>Startup checks of the brands' AdobePass sections, each naming the brand and the setting.</summary>
public sealed class AdobePassBrandsValidatorTests
{
    [Fact]
    public void SingleBrandConfiguration_IsValidAsBefore()
    {
        Assert.Equal("REF30", Options(new()).Get(Microsoft.Extensions.Options.Options.DefaultName).ServiceProvider);
    }

    [Fact]
    public void BrandWithItsOwnServiceProvider_IsValid_AndInheritsTheRest()
    {
        var options = Options(new()
        {
            ["AdobePass:SoftwareStatementSecret"] = "statement-main",
            ["Brands:sports:AdobePass:ServiceProvider"] = "REF31",
        });

        Assert.Equal(("REF31", "statement-main"), (options.Get("sports").ServiceProvider, options.Get("sports").SoftwareStatementSecret));
        Assert.Equal("REF30", options.CurrentValue.ServiceProvider);
    }

    [Fact]
    public void BrandWithoutItsOwnServiceProvider_FailsNamingIt()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            Options(new() { ["Brands:sports:AdobePass:SoftwareStatementSecret"] = "statement-sports" }).CurrentValue);

        Assert.Contains(error.Failures, f => f.StartsWith("Brands:sports:AdobePass:ServiceProvider:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("BaseUrl", "https://sp.auth.adobe.com")]
    [InlineData("ManagementBaseUrl", "https://mgmt.auth.adobe.com")]
    [InlineData("RequestTimeout", "00:00:05")]
    [InlineData("TokenRefreshMargin", "00:01:00")]
    [InlineData("MaxAccessTokens", "10")]
    [InlineData("PooledConnectionLifetime", "00:00:10")]
    [InlineData("Resilience:MaxRetries", "0")]
    [InlineData("Pacing:Enabled", "true")]
    public void BrandSettingADeploymentWideSetting_FailsNamingIt(string setting, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new()
        {
            ["Brands:sports:AdobePass:ServiceProvider"] = "REF31",
            [$"Brands:sports:AdobePass:{setting}"] = value,
        }).CurrentValue);

        var name = setting.Split(':')[0];
        var failure = Assert.Single(error.Failures);
        Assert.StartsWith($"Brands:sports:AdobePass:{name}: deployment-wide", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void BrandsInvalidOwnValue_FailsNamingTheBrandAndSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            Options(new() { ["Brands:sports:AdobePass:ServiceProvider"] = "REF 31" }).Get("sports"));

        Assert.Contains(error.Failures, f => f.StartsWith("Brands:sports:AdobePass:ServiceProvider:", StringComparison.Ordinal));
    }

    private static IOptionsMonitor<AdobePassOptions> Options(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AdobePass:ServiceProvider"] = "REF30" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAdobePass();
        return builder.Build().Services.GetRequiredService<IOptionsMonitor<AdobePassOptions>>();
    }
}
