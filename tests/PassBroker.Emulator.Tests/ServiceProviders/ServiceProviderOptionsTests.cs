using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Emulator.ServiceProviders;
using PassBroker.Testing.Hosting;

namespace PassBroker.Emulator.Tests.ServiceProviders;

public sealed class ServiceProviderOptionsTests
{
    [Fact]
    public void Catalog_SingleProviderConfiguration_IsTheTopLevelOneAsBefore()
    {
        var options = new EmulatorOptions();

        var catalog = new ServiceProviderCatalog(options);

        var provider = Assert.Single(catalog.All);
        Assert.Equal("REF30", provider.Id);
        Assert.Equal(options.ServiceProviderName, provider.Name);
        Assert.Same(options.Mvpds, provider.Mvpds);
        Assert.Same(options.MetadataEncryption, provider.MetadataEncryption);
        Assert.Equal(["REF30"], catalog.LinkedTo("dev-software-statement"));
        Assert.Empty(catalog.LinkedTo("dev-software-statement-ref31"));
        Assert.Null(catalog.Find("REF31"));
    }

    [Fact]
    public void Validate_BadSecondProvider_NamesTheProviderAndTheSetting()
    {
        // Arrange
        var options = new EmulatorOptions();
        var second = new ServiceProviderOptions { Id = "REF31" };
        second.Mvpds.Add(new MvpdOptions { Id = "Fiber" });
        second.Mvpds.Add(new MvpdOptions { Id = "Fiber" });
        second.Mvpds.Add(new MvpdOptions { Id = "TempPass_REF31", IsTempPass = true, TempPass = new TempPassOptions() });
        var platform = new PlatformOptions { Name = "roku" };
        platform.Mvpds.Add("ExampleCable");
        second.Platforms.Add(platform);
        second.MetadataEncryption.KeyAlgorithm = "RSA1_5";
        options.ServiceProviders.Add(second);

        // Act
        var failures = new EmulatorOptionsValidator().Validate(null, options).Failures!.ToList();

        // Assert
        const string Prefix = "Service provider 'REF31': Emulator:ServiceProviders:0:";
        Assert.Equal(
            [
                Prefix + "SoftwareStatements must list at least one software statement, or no client could reach it.",
                Prefix + "Mvpds 'TempPass_REF31' TempPass:Ttl must be positive.",
                Prefix + "Platforms 'roku' lists MVPD 'ExampleCable', which is not in Emulator:ServiceProviders:0:Mvpds.",
                Prefix + "MetadataEncryption:KeyAlgorithm must be RSA-OAEP or RSA-OAEP-256.",
                Prefix + "Mvpds:Id 'Fiber' is duplicated.",
            ],
            failures);
    }

    [Fact]
    public void Validate_MissingAndDuplicatedIds_AreNamed()
    {
        var options = new EmulatorOptions();
        options.ServiceProviders.Add(WithStatement(new ServiceProviderOptions()));
        options.ServiceProviders.Add(WithStatement(new ServiceProviderOptions { Id = "REF30" }));

        var failures = new EmulatorOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(["Emulator:ServiceProviders:0:Id is required.", "Emulator:ServiceProviders:Id 'REF30' is duplicated."], failures);
    }

    [Fact]
    public void Validate_StatementListedByTwoProviders_IsLinkedToBoth()
    {
        var options = new EmulatorOptions();
        options.ServiceProviders.Add(WithStatement(new ServiceProviderOptions { Id = "REF31" }, "dev-software-statement"));

        var result = new EmulatorOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(["REF30", "REF31"], new ServiceProviderCatalog(options).LinkedTo("dev-software-statement").Order());
    }

    [Fact]
    public async Task Start_BadSecondProvider_FailsWithErrorNamingProviderAndSetting()
    {
        string[] settings = [.. SecondServiceProvider.Settings(), "--Emulator:ServiceProviders:0:Mvpds:2:TempPass:Ttl=00:00:00"];

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => EmulatorHost.StartAsync(new FakeTimeProvider(), settings));

        Assert.Contains(
            "Service provider 'REF31': Emulator:ServiceProviders:0:Mvpds 'TempPass_REF31' TempPass:Ttl must be positive.",
            error.Failures);
    }

    private static ServiceProviderOptions WithStatement(ServiceProviderOptions options, string statement = "statement")
    {
        options.SoftwareStatements.Add(statement);
        return options;
    }
}
