using System.Net;
using System.Text.Json;

namespace PassBroker.Emulator.Tests;

/// <summary>
/// Logout (adobe-pass-v2.md section 5.5): ExampleCable has a logout endpoint, ExampleSat does not.
/// </summary>
public sealed class LogoutApiTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string WithLogoutEndpoint = "ExampleCable";
    private const string WithoutLogoutEndpoint = "ExampleSat";
    private const string LogoutRedirectUrl = "https://app.passbroker.example/signed-out?reason=user&x=1";

    [Fact]
    public async Task Logout_MvpdWithLogoutEndpoint_ReturnsInteractiveUrlWhosePageRedirectsToRedirectUrl()
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(WithLogoutEndpoint);
        var pageViews = emulator.State.MvpdLogoutPageViews;

        // Act
        using var response = await emulator.LogoutAsync(device, WithLogoutEndpoint, LogoutRedirectUrl);
        var logout = await LogoutEntryAsync(response, WithLogoutEndpoint);
        var url = logout.GetProperty("url").GetString()!;
        using var page = await emulator.Http.GetAsync(url);

        // Assert
        Assert.Equal("logout", logout.GetProperty("actionName").GetString());
        Assert.Equal("interactive", logout.GetProperty("actionType").GetString());
        Assert.StartsWith("/", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(LogoutRedirectUrl, page.Headers.Location!.OriginalString);
        Assert.Equal(pageViews + 1, emulator.State.MvpdLogoutPageViews);
    }

    [Fact]
    public async Task Logout_SignedIn_DeletesTheProfile()
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(WithLogoutEndpoint);

        // Act
        using var logout = await emulator.LogoutAsync(device, WithLogoutEndpoint, LogoutRedirectUrl);
        Assert.Equal("logout", (await LogoutEntryAsync(logout, WithLogoutEndpoint)).GetProperty("actionName").GetString());

        // Assert: every endpoint that reads the profile sees it gone.
        using var profiles = await emulator.GetAsync("/api/v2/REF30/profiles", device, deviceHeaders: true);
        Assert.Empty(JsonAssert.Names((await JsonAssert.OkJsonAsync(profiles)).GetProperty("profiles")));
        using var decisions = await emulator.DecideAsync(device, "preauthorize", WithLogoutEndpoint, "news");
        var decision = (await JsonAssert.OkJsonAsync(decisions)).GetProperty("decisions")[0];
        JsonAssert.ItemError(decision, "authenticated_profile_missing", "authentication");
        using var session = await emulator.CreateSessionAsync(
            device, ("mvpd", WithLogoutEndpoint), ("domainName", "localhost"), ("redirectUrl", EmulatorFixture.RedirectUrl));
        Assert.Equal("authenticate", (await JsonAssert.OkJsonAsync(session)).GetProperty("actionName").GetString());
        using var again = await emulator.LogoutAsync(device, WithLogoutEndpoint, LogoutRedirectUrl);
        Assert.Equal("invalid", (await LogoutEntryAsync(again, WithLogoutEndpoint)).GetProperty("actionName").GetString());
    }

    [Fact]
    public async Task Logout_MvpdWithoutLogoutEndpoint_ReturnsCompleteWithoutUrlAndDeletesTheProfile()
    {
        var device = await emulator.RegisterSignedInDeviceAsync(WithoutLogoutEndpoint);

        using var response = await emulator.LogoutAsync(device, WithoutLogoutEndpoint, LogoutRedirectUrl);

        var logout = await LogoutEntryAsync(response, WithoutLogoutEndpoint);
        Assert.Equal("complete", logout.GetProperty("actionName").GetString());
        Assert.Equal("none", logout.GetProperty("actionType").GetString());
        Assert.False(logout.TryGetProperty("url", out _));
        using var profiles = await emulator.GetAsync("/api/v2/REF30/profiles", device, deviceHeaders: true);
        Assert.Empty(JsonAssert.Names((await JsonAssert.OkJsonAsync(profiles)).GetProperty("profiles")));
    }

    [Theory]
    [InlineData(WithLogoutEndpoint)]
    [InlineData(WithoutLogoutEndpoint)]
    public async Task Logout_WithoutProfile_ReturnsInvalidWithoutUrl(string mvpd)
    {
        var device = await emulator.RegisterDeviceAsync();
        var logouts = emulator.State.LogoutCount;

        using var response = await emulator.LogoutAsync(device, mvpd, LogoutRedirectUrl);

        var logout = await LogoutEntryAsync(response, mvpd);
        Assert.Equal("invalid", logout.GetProperty("actionName").GetString());
        Assert.Equal("none", logout.GetProperty("actionType").GetString());
        Assert.False(logout.TryGetProperty("url", out _));
        Assert.Equal(logouts + 1, emulator.State.LogoutCount);
    }

    [Fact]
    public async Task Logout_ExpiredProfile_ReturnsInvalid()
    {
        var device = await emulator.RegisterSignedInDeviceAsync(WithLogoutEndpoint);
        emulator.Time.Advance(TimeSpan.FromHours(24));
        device = device with { AccessToken = await emulator.NewAccessTokenAsync(device.ClientId, device.ClientSecret) };

        using var response = await emulator.LogoutAsync(device, WithLogoutEndpoint, LogoutRedirectUrl);

        Assert.Equal("invalid", (await LogoutEntryAsync(response, WithLogoutEndpoint)).GetProperty("actionName").GetString());
    }

    [Fact]
    public async Task Logout_OneMvpd_KeepsTheProfileForAnotherMvpd()
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(WithLogoutEndpoint);
        await emulator.AuthenticateAsync(device, WithoutLogoutEndpoint);

        // Act
        using var response = await emulator.LogoutAsync(device, WithoutLogoutEndpoint, LogoutRedirectUrl);

        // Assert
        Assert.Equal("complete", (await LogoutEntryAsync(response, WithoutLogoutEndpoint)).GetProperty("actionName").GetString());
        using var profiles = await emulator.GetAsync("/api/v2/REF30/profiles", device, deviceHeaders: true);
        Assert.Equal([WithLogoutEndpoint], JsonAssert.Names((await JsonAssert.OkJsonAsync(profiles)).GetProperty("profiles")));
    }

    [Fact]
    public async Task Logout_OtherDeviceOfSameClient_LeavesThisDevicesProfile()
    {
        var device = await emulator.RegisterSignedInDeviceAsync(WithLogoutEndpoint);
        var sameClientOtherDevice = device with { DeviceId = device.DeviceId + "-other" };

        using var response = await emulator.LogoutAsync(sameClientOtherDevice, WithLogoutEndpoint, LogoutRedirectUrl);

        Assert.Equal("invalid", (await LogoutEntryAsync(response, WithLogoutEndpoint)).GetProperty("actionName").GetString());
        using var profiles = await emulator.GetAsync("/api/v2/REF30/profiles", device, deviceHeaders: true);
        Assert.Equal([WithLogoutEndpoint], JsonAssert.Names((await JsonAssert.OkJsonAsync(profiles)).GetProperty("profiles")));
    }

    [Fact]
    public async Task Logout_WithoutRedirectUrl_IsAcceptedAndTheLogoutPageStaysOnTheEmulator()
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(WithLogoutEndpoint);

        // Act: redirectUrl is optional in the OpenAPI document.
        using var response = await emulator.LogoutAsync(device, WithLogoutEndpoint, redirectUrl: null);
        var url = (await LogoutEntryAsync(response, WithLogoutEndpoint)).GetProperty("url").GetString()!;
        using var page = await emulator.Http.GetAsync(url);

        // Assert
        Assert.DoesNotContain("redirectUrl", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Signed out of Example Cable", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/signed-out")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://app.passbroker.example/signed-out")]
    public async Task Logout_BadRedirectUrl_Returns400AndKeepsTheProfile(string redirectUrl)
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(WithLogoutEndpoint);
        var logouts = emulator.State.LogoutCount;

        // Act
        using var response = await emulator.LogoutAsync(device, WithLogoutEndpoint, redirectUrl);

        // Assert: a rejected request neither deletes the profile nor counts as a logout.
        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter_redirect_url");
        Assert.Equal(logouts, emulator.State.LogoutCount);
        using var profiles = await emulator.GetAsync("/api/v2/REF30/profiles", device, deviceHeaders: true);
        Assert.Equal([WithLogoutEndpoint], JsonAssert.Names((await JsonAssert.OkJsonAsync(profiles)).GetProperty("profiles")));
    }

    [Fact]
    public async Task Logout_UnknownMvpd_Returns400InvalidParameterMvpd()
    {
        var device = await emulator.RegisterSignedInDeviceAsync(WithLogoutEndpoint);

        using var response = await emulator.LogoutAsync(device, "NoSuchMvpd", LogoutRedirectUrl);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter_mvpd");
    }

    [Fact]
    public async Task Logout_WithoutDeviceHeaders_Returns400AndKeepsTheProfile()
    {
        var device = await emulator.RegisterSignedInDeviceAsync(WithLogoutEndpoint);

        using var response = await emulator.LogoutAsync(device, WithLogoutEndpoint, LogoutRedirectUrl, deviceHeaders: false);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_header_device_identifier");
        using var profiles = await emulator.GetAsync("/api/v2/REF30/profiles", device, deviceHeaders: true);
        Assert.Equal([WithLogoutEndpoint], JsonAssert.Names((await JsonAssert.OkJsonAsync(profiles)).GetProperty("profiles")));
    }

    [Fact]
    public async Task Logout_UnknownServiceProvider_Returns400InvalidParameterServiceProvider()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.GetAsync($"/api/v2/NOSUCHSP/logout/{WithLogoutEndpoint}", device, deviceHeaders: true);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter_service_provider");
    }

    [Fact]
    public async Task Logout_WithoutAccessToken_Returns401()
    {
        using var response = await emulator.Http.GetAsync($"/api/v2/REF30/logout/{WithLogoutEndpoint}");

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_access_token_client_application");
    }

    [Theory]
    [InlineData("/emulator/mvpd/ExampleSat/logout")]
    [InlineData("/emulator/mvpd/NoSuchMvpd/logout")]
    [InlineData("/emulator/mvpd/ExampleCable/logout?redirectUrl=javascript%3Aalert(1)")]
    public async Task MvpdLogoutPage_NoLogoutEndpointOrUnsafeRedirect_Returns400Html(string path)
    {
        using var response = await emulator.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
    }

    /// <summary>The response's only <c>logouts</c> entry, which must be keyed by and name the MVPD.</summary>
    private static async Task<JsonElement> LogoutEntryAsync(HttpResponseMessage response, string mvpd)
    {
        var logouts = (await JsonAssert.OkJsonAsync(response)).GetProperty("logouts");
        Assert.Equal([mvpd], JsonAssert.Names(logouts));
        var logout = logouts.GetProperty(mvpd);
        Assert.Equal(mvpd, logout.GetProperty("mvpd").GetString());
        return logout;
    }
}
