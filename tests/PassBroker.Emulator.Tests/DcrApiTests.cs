using System.Net;

namespace PassBroker.Emulator.Tests;

public sealed class DcrApiTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Register_ValidSoftwareStatement_Returns201ClientApplication()
    {
        var before = emulator.State.RegistrationCount;

        using var response = await emulator.RegisterAsync("""{"software_statement":"dev-software-statement"}""");

        var client = await JsonAssert.OkJsonAsync(response, HttpStatusCode.Created);
        Assert.False(string.IsNullOrEmpty(client.GetProperty("client_id").GetString()));
        Assert.False(string.IsNullOrEmpty(client.GetProperty("client_secret").GetString()));
        Assert.Equal(emulator.Time.GetUtcNow().ToUnixTimeSeconds(), client.GetProperty("client_id_issued_at").GetInt64());
        Assert.Empty(JsonAssert.Strings(client.GetProperty("redirect_uris")));
        Assert.Equal(["client_credentials"], JsonAssert.Strings(client.GetProperty("grant_types")));
        Assert.Equal(["api:client:v2"], JsonAssert.Strings(client.GetProperty("scopes")));
        Assert.Equal(before + 1, emulator.State.RegistrationCount);
    }

    [Fact]
    public async Task Register_PlainJsonWithRedirectUri_EchoesRedirectUris()
    {
        using var response = await emulator.RegisterAsync(
            """{"software_statement":"dev-software-statement","redirect_uri":"https://app.example/done"}""", "application/json");

        var client = await JsonAssert.OkJsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(["https://app.example/done"], JsonAssert.Strings(client.GetProperty("redirect_uris")));
    }

    [Fact]
    public async Task Register_UnknownSoftwareStatement_ReturnsInvalidSoftwareStatement()
    {
        using var response = await emulator.RegisterAsync("""{"software_statement":"someone-elses"}""");

        await JsonAssert.OAuthErrorAsync(response, "invalid_software_statement");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("[\"dev-software-statement\"]")]
    public async Task Register_MissingSoftwareStatement_ReturnsInvalidRequest(string body)
    {
        using var response = await emulator.RegisterAsync(body);

        await JsonAssert.OAuthErrorAsync(response, "invalid_request");
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("bm90IGpzb24=")]
    public async Task Register_BadDeviceInfo_ReturnsInvalidRequest(string deviceInfo)
    {
        using var response = await emulator.RegisterAsync("""{"software_statement":"dev-software-statement"}""", deviceInfo: deviceInfo);

        await JsonAssert.OAuthErrorAsync(response, "invalid_request");
    }

    [Theory]
    [InlineData("/relative")]
    [InlineData("not a url")]
    public async Task Register_RelativeRedirectUri_ReturnsInvalidRedirectUri(string redirectUri)
    {
        using var response = await emulator.RegisterAsync(
            $$"""{"software_statement":"dev-software-statement","redirect_uri":"{{redirectUri}}"}""");

        await JsonAssert.OAuthErrorAsync(response, "invalid_redirect_uri");
    }

    [Fact]
    public async Task Token_FormBody_Returns201BearerToken()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.RequestTokenAsync(device.ClientId, device.ClientSecret);

        var token = await JsonAssert.OkJsonAsync(response, HttpStatusCode.Created);
        Assert.False(string.IsNullOrEmpty(token.GetProperty("id").GetString()));
        Assert.False(string.IsNullOrEmpty(token.GetProperty("access_token").GetString()));
        Assert.NotEqual(device.AccessToken, token.GetProperty("access_token").GetString());
        Assert.Equal(emulator.Time.GetUtcNow().ToUnixTimeMilliseconds(), token.GetProperty("created_at").GetInt64());
        Assert.Equal(21600, token.GetProperty("expires_in").GetInt64());
        Assert.Equal("bearer", token.GetProperty("token_type").GetString());
    }

    [Fact]
    public async Task Token_QueryParameters_Returns201()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            $"/o/client/token?client_id={device.ClientId}&client_secret={Uri.EscapeDataString(device.ClientSecret)}&grant_type=client_credentials");
        request.Headers.Add("X-Device-Info", EmulatorFixture.DeviceInfoHeader);

        using var response = await emulator.Http.SendAsync(request);

        var token = await JsonAssert.OkJsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("bearer", token.GetProperty("token_type").GetString());
    }

    [Fact]
    public async Task Token_WrongSecret_ReturnsInvalidClient()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.RequestTokenAsync(device.ClientId, device.ClientSecret + "x");

        await JsonAssert.OAuthErrorAsync(response, "invalid_client");
    }

    [Fact]
    public async Task Token_UnknownClient_ReturnsInvalidClient()
    {
        using var response = await emulator.RequestTokenAsync("no-such-client", "secret");

        await JsonAssert.OAuthErrorAsync(response, "invalid_client");
    }

    [Fact]
    public async Task Token_WrongGrantType_ReturnsUnsupportedGrantType()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.RequestTokenAsync(device.ClientId, device.ClientSecret, "password");

        await JsonAssert.OAuthErrorAsync(response, "unsupported_grant_type");
    }

    [Fact]
    public async Task Token_MissingSecret_ReturnsInvalidRequest()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.RequestTokenAsync(device.ClientId, clientSecret: null);

        await JsonAssert.OAuthErrorAsync(response, "invalid_request");
    }

    [Fact]
    public async Task Token_Refresh_CountsTokensWithoutRegistering()
    {
        var device = await emulator.RegisterDeviceAsync();
        var registrations = emulator.State.RegistrationCount;

        await emulator.NewAccessTokenAsync(device.ClientId, device.ClientSecret);

        Assert.Equal(2, emulator.State.GetTokensIssued(device.ClientId));
        Assert.Equal(registrations, emulator.State.RegistrationCount);
    }

    [Fact]
    public async Task AccessToken_AfterLifetime_Returns401()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        emulator.Time.Advance(TimeSpan.FromHours(6) - TimeSpan.FromMilliseconds(1));
        using var beforeExpiry = await emulator.GetAsync("/api/v2/REF30/configuration", device, deviceHeaders: true);

        // Act
        emulator.Time.Advance(TimeSpan.FromMilliseconds(1));
        using var afterExpiry = await emulator.GetAsync("/api/v2/REF30/configuration", device, deviceHeaders: true);

        // Assert
        Assert.Equal(HttpStatusCode.OK, beforeExpiry.StatusCode);
        var error = await JsonAssert.EnhancedErrorAsync(afterExpiry, HttpStatusCode.Unauthorized, "invalid_access_token_client_application");
        Assert.Equal("application-registration", error.GetProperty("action").GetString());
        using var refreshed = await emulator.GetAsync(
            "/api/v2/REF30/configuration",
            device with { AccessToken = await emulator.NewAccessTokenAsync(device.ClientId, device.ClientSecret) },
            deviceHeaders: true);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }
}
