using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PassBroker.Core.Decisions.Rules;
using PassBroker.Core.Mvpds;
using PassBroker.Core.Sessions;
using PassBroker.Core.TempPass;
using PassBroker.Functions.Tests.Hosting;

namespace PassBroker.Functions.Tests.Startup;

/// <summary>The Functions app with a second brand: each brand's Core settings, and the deployment-wide ones kept so.</summary>
public sealed class BrandSettingsStartupTests
{
    private const string Sports = "ref31";

    [Fact]
    public void Build_SecondBrand_EachBrandReadsItsOwnCoreSettings()
    {
        var settings = SampleSettings.Values();
        settings[$"Brands:{Sports}:AdobePass:ServiceProvider"] = "REF30";
        settings[$"Brands:{Sports}:SignIn:RedirectUrl"] = "https://sports.example.com/authn/done";
        settings[$"Brands:{Sports}:TempPass:BasicMvpd"] = "";
        settings[$"Brands:{Sports}:Mvpds:Deny:0"] = "ExampleCable";
        settings[$"Brands:{Sports}:Rules:ConcurrentPlays:MaxConcurrentPlays"] = "1";

        using var host = FunctionsAppHost.Build(settings);
        var services = host.Services;

        Assert.Equal("https://sports.example.com/authn/done", services.GetRequiredService<IOptionsMonitor<SignInOptions>>().Get(Sports).RedirectUrl);
        Assert.NotEqual("https://sports.example.com/authn/done", services.GetRequiredService<IOptions<SignInOptions>>().Value.RedirectUrl);
        Assert.True(string.IsNullOrEmpty(services.GetRequiredService<IOptionsMonitor<TempPassOptions>>().Get(Sports).BasicMvpd));
        Assert.Equal(["ExampleCable"], services.GetRequiredService<IOptionsMonitor<MvpdCatalogOptions>>().Get(Sports).Deny);
        Assert.Equal(1, services.GetRequiredService<IOptionsMonitor<ConcurrentPlaysOptions>>().Get(Sports).MaxConcurrentPlays);
        Assert.Equal(3, services.GetRequiredService<IOptions<ConcurrentPlaysOptions>>().Value.MaxConcurrentPlays);
    }

    [Theory]
    [InlineData("Brands:ref31:SignIn:PollInterval", "00:00:20")]
    [InlineData("Brands:ref31:Mvpds:CacheDuration", "00:05:00")]
    [InlineData("Brands:ref31:Rules:ConcurrentPlays:MaxConcurrentPlays", "0")]
    [InlineData("Brands:ref31:AdobePass:BaseUrl", "https://sp-prequal.auth.adobe.com")]
    [InlineData("Brands:ref31:AdobePass:SoftwareStatement", "misspelt-statement-secret")]
    public void Build_ABrandSettingThatCannotBeItsOwnOrIsInvalid_FailsAtStartNamingIt(string key, string value)
    {
        var settings = SampleSettings.Values();
        settings[$"Brands:{Sports}:AdobePass:ServiceProvider"] = "REF30";
        settings[key] = value;

        var failure = Assert.ThrowsAny<Exception>(() => FunctionsAppHost.Build(settings).Dispose());

        Assert.Contains(key, failure.ToString(), StringComparison.Ordinal);
    }
}
