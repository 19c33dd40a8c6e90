using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PassBroker.AdobePass.Tests.Brands;

/// <summary>
/// Startup checks of the brands' AdobePass sections, each naming the brand and the setting: run as the host runs them
/// before it serves (<see cref="IStartupValidator"/>, every <c>ValidateOnStart</c> registration).
/// </summary>
public sealed class AdobePassBrandSettingsTests
{
    [Fact]
    public void SingleBrandConfiguration_IsValidAsBefore()
    {
        using var host = Build(new());

        Assert.Empty(StartupFailures(host));
        Assert.Equal("REF30", Options(host).Get(Microsoft.Extensions.Options.Options.DefaultName).ServiceProvider);
    }

    [Fact]
    public void BrandWithItsOwnServiceProvider_IsValid_AndInheritsTheRest()
    {
        using var host = Build(new()
        {
            ["AdobePass:SoftwareStatementSecret"] = "statement-main",
            ["Brands:sports:AdobePass:ServiceProvider"] = "REF31",
        });
        var options = Options(host);

        Assert.Empty(StartupFailures(host));
        Assert.Equal(("REF31", "statement-main"), (options.Get("sports").ServiceProvider, options.Get("sports").SoftwareStatementSecret));
        Assert.Equal("REF30", options.CurrentValue.ServiceProvider);
    }

    [Fact]
    public void BrandSettingEveryPerBrandKey_IsValid_AndGetsItsOwnValues()
    {
        // The README's per-brand list: who PassBroker is to Adobe.
        using var host = Build(new()
        {
            ["Brands:sports:AdobePass:ServiceProvider"] = "REF31",
            ["Brands:sports:AdobePass:SoftwareStatementSecret"] = "statement-sports",
            ["Brands:sports:AdobePass:MetadataCertificateSecret"] = "certificate-sports",
            ["Brands:sports:AdobePass:MetadataBackupCertificateSecret"] = "",
            ["Brands:sports:AdobePass:ManagementClient:Model"] = "PassBroker Sports",
            ["Brands:sports:AdobePass:DcrRedirectUri"] = "https://sports.example.com/dcr",
            ["Brands:sports:AdobePass:TempPassResetVersion"] = "v2.1",
        });
        var sports = Options(host).Get("sports");

        Assert.Empty(StartupFailures(host));
        Assert.Equal(("statement-sports", "certificate-sports", "PassBroker Sports", "https://sports.example.com/dcr", "v2.1"),
            (sports.SoftwareStatementSecret, sports.MetadataCertificateSecret, sports.ManagementClient.Model, sports.DcrRedirectUri, sports.TempPassResetVersion));
    }

    [Fact]
    public void BrandWithoutItsOwnServiceProvider_FailsNamingIt()
    {
        using var host = Build(new() { ["Brands:sports:AdobePass:SoftwareStatementSecret"] = "statement-sports" });

        var failure = Assert.Single(StartupFailures(host));
        Assert.StartsWith("Brands:sports:AdobePass:ServiceProvider: every brand names its service provider", failure, StringComparison.Ordinal);
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
        using var host = Build(new()
        {
            ["Brands:sports:AdobePass:ServiceProvider"] = "REF31",
            [$"Brands:sports:AdobePass:{setting}"] = value,
        });

        var name = setting.Split(':')[0];
        var failure = Assert.Single(StartupFailures(host));
        Assert.StartsWith($"Brands:sports:AdobePass:{name}: deployment-wide", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void BrandSettingAKeyAdobePassDoesNotHave_FailsNamingIt()
    {
        // A misspelt key would otherwise be ignored, and the brand would run on the default brand's statement.
        using var host = Build(new()
        {
            ["Brands:sports:AdobePass:ServiceProvider"] = "REF31",
            ["Brands:sports:AdobePass:SoftwareStatement"] = "statement-sports",
        });

        var failure = Assert.Single(StartupFailures(host));
        Assert.StartsWith("Brands:sports:AdobePass:SoftwareStatement: deployment-wide", failure, StringComparison.Ordinal);
        Assert.Contains("a brand may set ServiceProvider, SoftwareStatementSecret,", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void BrandsInvalidOwnValue_FailsNamingTheBrandAndSetting()
    {
        using var host = Build(new() { ["Brands:sports:AdobePass:ServiceProvider"] = "REF 31" });

        Assert.Contains(StartupFailures(host), f => f.StartsWith("Brands:sports:AdobePass:ServiceProvider:", StringComparison.Ordinal));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AdobePass:ServiceProvider"] = "REF30" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAdobePass();
        return builder.Build();
    }

    private static IOptionsMonitor<AdobePassOptions> Options(IHost host) => host.Services.GetRequiredService<IOptionsMonitor<AdobePassOptions>>();

    /// <summary>Every failure the host's start would stop on (one options type failing throws its own exception, more an aggregate).</summary>
    private static List<string> StartupFailures(IHost host)
    {
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
        catch (AggregateException e)
        {
            return [.. e.InnerExceptions.OfType<OptionsValidationException>().SelectMany(x => x.Failures)];
        }
    }
}
