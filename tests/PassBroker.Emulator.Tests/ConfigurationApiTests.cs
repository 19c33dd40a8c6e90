using System.Net;

namespace PassBroker.Emulator.Tests;

public sealed class ConfigurationApiTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task GetConfiguration_ValidToken_ReturnsRequestorWithMvpds()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.GetAsync("/api/v2/REF30/configuration", device, deviceHeaders: true);

        var configuration = await JsonAssert.OkJsonAsync(response);
        var requestor = configuration.GetProperty("requestor");
        Assert.Equal("REF30", requestor.GetProperty("id").GetString());
        Assert.Equal(
            ["localhost", "passbroker.example"],
            requestor.GetProperty("domains").EnumerateArray().Select(d => d.GetProperty("name").GetString()!));
        var mvpds = requestor.GetProperty("mvpds").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        Assert.Equal(["ExampleCable", "ExampleSat", "TempPass_REF30", "TempPassPromo_REF30", "ExampleTestMvpd"], mvpds.Keys);
        Assert.Equal("Example Cable", mvpds["ExampleCable"].GetProperty("displayName").GetString());
        Assert.StartsWith("https://", mvpds["ExampleCable"].GetProperty("logoUrl").GetString(), StringComparison.Ordinal);
        Assert.False(mvpds["ExampleCable"].TryGetProperty("isTempPass", out _));
        Assert.True(mvpds["TempPass_REF30"].GetProperty("isTempPass").GetBoolean());
        Assert.True(mvpds["TempPassPromo_REF30"].GetProperty("isTempPass").GetBoolean());
        Assert.Equal("Promotional Temp Pass", mvpds["TempPassPromo_REF30"].GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task GetConfiguration_DeviceInfo_AnswersInTheOpenApiShape()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.GetAsync("/api/v2/REF30/configuration", device, deviceHeaders: true);

        var configuration = await JsonAssert.OkJsonAsync(response);
        Assert.Equal(
            ["platformCategory", "os", "sdkType", "platform", "requestor"],
            configuration.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Android", configuration.GetProperty("os").GetString());
        Assert.Equal("SetTopBox", configuration.GetProperty("platformCategory").GetString());
        Assert.Equal("unknown", configuration.GetProperty("platform").GetString());
    }

    [Fact]
    public async Task GetConfiguration_MissingToken_Returns401EnhancedError()
    {
        using var response = await emulator.Http.GetAsync("/api/v2/REF30/configuration");

        var error = await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_access_token_client_application");
        Assert.Equal("application-registration", error.GetProperty("action").GetString());
    }

    [Fact]
    public async Task GetConfiguration_UnknownToken_Returns401EnhancedError()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.GetAsync("/api/v2/REF30/configuration", device with { AccessToken = "forged" }, deviceHeaders: true);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_access_token_client_application");
    }

    [Fact]
    public async Task GetConfiguration_UnknownServiceProvider_Returns400()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.GetAsync("/api/v2/OTHER/configuration", device, deviceHeaders: true);

        var error = await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter_service_provider");
        Assert.Equal("none", error.GetProperty("action").GetString());
    }
}
