using System.Net;

namespace PassBroker.Emulator.Tests;

public sealed class ProfilesApiTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task GetProfiles_AfterLogin_ReturnsProfileForThisDeviceOnly()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        await emulator.AuthenticateAsync(device);
        var sameClientOtherDevice = device with { DeviceId = device.DeviceId + "-other" };

        // Act
        using var mine = await emulator.GetAsync("/api/v2/REF30/profiles", device, deviceHeaders: true);
        using var other = await emulator.GetAsync("/api/v2/REF30/profiles", sameClientOtherDevice, deviceHeaders: true);

        // Assert
        var profiles = (await JsonAssert.OkJsonAsync(mine)).GetProperty("profiles");
        Assert.Equal(["ExampleCable"], JsonAssert.Names(profiles));
        Assert.Equal("regular", profiles.GetProperty("ExampleCable").GetProperty("type").GetString());
        Assert.Empty(JsonAssert.Names((await JsonAssert.OkJsonAsync(other)).GetProperty("profiles")));
    }

    [Fact]
    public async Task GetProfiles_OtherClientSameDevice_ReturnsEmptyMap()
    {
        var device = await emulator.RegisterDeviceAsync();
        await emulator.AuthenticateAsync(device);
        var reRegistered = await emulator.RegisterDeviceAsync(device.DeviceId);

        using var response = await emulator.GetAsync("/api/v2/REF30/profiles", reRegistered, deviceHeaders: true);

        Assert.Empty(JsonAssert.Names((await JsonAssert.OkJsonAsync(response)).GetProperty("profiles")));
    }

    [Fact]
    public async Task GetProfileForMvpd_FiltersToThatMvpd()
    {
        var device = await emulator.RegisterDeviceAsync();
        await emulator.AuthenticateAsync(device, "ExampleCable");

        using var cable = await emulator.GetAsync("/api/v2/REF30/profiles/ExampleCable", device, deviceHeaders: true);
        using var sat = await emulator.GetAsync("/api/v2/REF30/profiles/ExampleSat", device, deviceHeaders: true);

        Assert.Equal(["ExampleCable"], JsonAssert.Names((await JsonAssert.OkJsonAsync(cable)).GetProperty("profiles")));
        Assert.Empty(JsonAssert.Names((await JsonAssert.OkJsonAsync(sat)).GetProperty("profiles")));
    }

    [Fact]
    public async Task GetProfileForMvpd_UnknownMvpd_Returns400InvalidParameterMvpd()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.GetAsync("/api/v2/REF30/profiles/NoSuchMvpd", device, deviceHeaders: true);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter_mvpd");
    }

    [Fact]
    public async Task GetProfiles_WithoutDeviceHeaders_Returns400InvalidHeaderDeviceIdentifier()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.GetAsync("/api/v2/REF30/profiles", device, deviceHeaders: false);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_header_device_identifier");
    }

    [Fact]
    public async Task GetProfiles_AfterProfileLifetime_ReturnsEmptyMapAndSessionsAuthenticateAgain()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        await emulator.AuthenticateAsync(device);
        emulator.Time.Advance(TimeSpan.FromHours(24));
        device = device with { AccessToken = await emulator.NewAccessTokenAsync(device.ClientId, device.ClientSecret) };

        // Act
        using var profiles = await emulator.GetAsync("/api/v2/REF30/profiles", device, deviceHeaders: true);
        using var session = await emulator.CreateSessionAsync(
            device, ("mvpd", "ExampleCable"), ("domainName", "localhost"), ("redirectUrl", EmulatorFixture.RedirectUrl));

        // Assert
        Assert.Empty(JsonAssert.Names((await JsonAssert.OkJsonAsync(profiles)).GetProperty("profiles")));
        Assert.Equal("authenticate", (await JsonAssert.OkJsonAsync(session)).GetProperty("actionName").GetString());
    }

    [Fact]
    public async Task GetProfileForCode_UnknownCode_Returns400InvalidAuthenticationSession()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.GetAsync("/api/v2/REF30/profiles/code/NOCODE2", device);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_authentication_session");
    }

    [Fact]
    public async Task GetProfileForCode_AnyClientOfServiceProvider_CanPoll()
    {
        var device = await emulator.RegisterDeviceAsync();
        var server = await emulator.RegisterDeviceAsync();
        var code = await emulator.AuthenticateAsync(device);

        using var response = await emulator.GetAsync($"/api/v2/REF30/profiles/code/{code}", server);

        Assert.Equal(["ExampleCable"], JsonAssert.Names((await JsonAssert.OkJsonAsync(response)).GetProperty("profiles")));
    }

    [Fact]
    public async Task GetProfileForCode_MissingToken_Returns401()
    {
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.CreateCodeAsync(device);

        using var response = await emulator.Http.GetAsync($"/api/v2/REF30/profiles/code/{code}");

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_access_token_client_application");
    }
}
