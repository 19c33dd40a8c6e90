using System.Text.Json;
using PassBroker.Emulator.Configuration;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.ServiceProviders;

namespace PassBroker.Emulator.Tests;

/// <summary>The configuration's MVPD list per platform (<see cref="PlatformOptions"/>), by direct handler calls.</summary>
public sealed class ConfigurationPlatformsTests
{
    private const string RokuDevice = """{"model":"Ultra","version":"4800","osName":"roku os","osVersion":"12","connectionType":"LAN"}""";
    private const string AndroidTv = """{"primaryHardwareType":"SetTopBox","model":"m","version":"1","osName":"Android","osVersion":"12","connectionType":"LAN"}""";

    [Fact]
    public void GetConfiguration_MatchingPlatform_ListsOnlyItsMvpdsAndNamesIt()
    {
        // Arrange
        var options = Options(new PlatformOptions { Name = "roku", OsName = "Roku OS", Mvpds = { "ExampleSat" } });

        // Act
        var configuration = ConfigurationApi.GetConfiguration("REF30", Device(RokuDevice), options).Value!;

        // Assert
        Assert.Equal(["ExampleSat"], configuration.Requestor.Mvpds.Select(m => m.Id));
        Assert.Equal("roku", configuration.Platform);
        Assert.Equal("Unknown", configuration.PlatformCategory);
        Assert.Equal("roku os", configuration.Os);
    }

    [Fact]
    public void GetConfiguration_NoMatchingPlatform_ListsEveryMvpd()
    {
        // Arrange
        var options = Options(new PlatformOptions { Name = "roku", OsName = "Roku OS", Mvpds = { "ExampleSat" } });

        // Act
        var configuration = ConfigurationApi.GetConfiguration("REF30", Device(AndroidTv), options).Value!;

        // Assert
        Assert.Equal(new EmulatorOptions().Mvpds.Select(m => m.Id), configuration.Requestor.Mvpds.Select(m => m.Id));
        Assert.Equal(("unknown", "SetTopBox", "Android", "html5"), (configuration.Platform, configuration.PlatformCategory, configuration.Os, configuration.SdkType));
    }

    [Fact]
    public void GetConfiguration_PlatformOnSeveralFields_NeedsThemAll()
    {
        // Arrange
        var options = Options(
            new PlatformOptions { Name = "android-phone", OsName = "Android", PrimaryHardwareType = "MobilePhone", Mvpds = { "ExampleSat" } },
            new PlatformOptions { Name = "android-tv", OsName = "android", PrimaryHardwareType = "settopbox", Mvpds = { "ExampleCable" } });

        // Act
        var configuration = ConfigurationApi.GetConfiguration("REF30", Device(AndroidTv), options).Value!;

        // Assert
        Assert.Equal("android-tv", configuration.Platform);
        Assert.Equal(["ExampleCable"], configuration.Requestor.Mvpds.Select(m => m.Id));
    }

    [Fact]
    public void Validate_PlatformWithUnknownMvpdOrNoName_NamesBoth()
    {
        // Arrange
        var options = new EmulatorOptions();
        options.Platforms.Add(new PlatformOptions { Name = " ", Mvpds = { "NoSuchMvpd" } });

        // Act
        var result = new EmulatorOptionsValidator().Validate(null, options);

        // Assert
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("every platform needs a Name", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'NoSuchMvpd', which is not in Emulator:Mvpds", StringComparison.Ordinal));
        Assert.Equal(2, failures.Count);
    }

    private static ServiceProviderCatalog Options(params PlatformOptions[] platforms)
    {
        var options = new EmulatorOptions();
        options.Platforms.AddRange(platforms);
        return new ServiceProviderCatalog(options);
    }

    private static RequestDevice Device(string deviceInfoJson)
    {
        using var document = JsonDocument.Parse(deviceInfoJson);
        return new RequestDevice("device-1", document.RootElement.Clone());
    }
}
