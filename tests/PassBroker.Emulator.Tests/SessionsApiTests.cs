using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PassBroker.Emulator.Tests;

public sealed class SessionsApiTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string CodePattern = "^[A-HJ-NP-Z2-9]{7}$";

    [Fact]
    public async Task CreateSession_AllParameters_ReturnsAuthenticateWithCode()
    {
        var device = await emulator.RegisterDeviceAsync();
        var now = emulator.Time.GetUtcNow().ToUnixTimeMilliseconds();

        using var response = await emulator.CreateSessionAsync(
            device, ("mvpd", "ExampleCable"), ("domainName", "localhost"), ("redirectUrl", EmulatorFixture.RedirectUrl));

        var session = await JsonAssert.OkJsonAsync(response);
        var code = session.GetProperty("code").GetString()!;
        Assert.Matches(CodePattern, code);
        Assert.Equal("authenticate", session.GetProperty("actionName").GetString());
        Assert.Equal("interactive", session.GetProperty("actionType").GetString());
        Assert.Equal("none", session.GetProperty("reasonType").GetString());
        Assert.Equal($"/api/v2/authenticate/REF30/{code}", session.GetProperty("url").GetString());
        Assert.Equal("ExampleCable", session.GetProperty("mvpd").GetString());
        Assert.Equal("REF30", session.GetProperty("serviceProvider").GetString());
        Assert.False(string.IsNullOrEmpty(session.GetProperty("sessionId").GetString()));
        Assert.False(session.TryGetProperty("missingParameters", out _));
        Assert.Equal(JsonValueKind.String, session.GetProperty("notBefore").ValueKind);
        Assert.Equal(now, long.Parse(session.GetProperty("notBefore").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(now + 1_800_000, long.Parse(session.GetProperty("notAfter").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CreateSession_OnlyMvpd_ReturnsResumeWithMissingParameters()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.CreateSessionAsync(device, ("mvpd", "ExampleCable"));

        var session = await JsonAssert.OkJsonAsync(response);
        var code = session.GetProperty("code").GetString()!;
        Assert.Equal("resume", session.GetProperty("actionName").GetString());
        Assert.Equal("direct", session.GetProperty("actionType").GetString());
        Assert.Equal("none", session.GetProperty("reasonType").GetString());
        Assert.Equal(["domainName", "redirectUrl"], JsonAssert.Strings(session.GetProperty("missingParameters")));
        Assert.Equal($"/api/v2/REF30/sessions/{code}", session.GetProperty("url").GetString());
    }

    [Fact]
    public async Task CreateSession_NoParameters_ReturnsResumeWithAllMissing()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.CreateSessionAsync(device);

        var session = await JsonAssert.OkJsonAsync(response);
        Assert.Equal("resume", session.GetProperty("actionName").GetString());
        Assert.Equal(["mvpd", "domainName", "redirectUrl"], JsonAssert.Strings(session.GetProperty("missingParameters")));
        Assert.False(session.TryGetProperty("mvpd", out _));
    }

    [Fact]
    public async Task ResumeSession_StillMissing_ReturnsRetry()
    {
        var device = await emulator.RegisterDeviceAsync();
        var code = await CreateIncompleteCodeAsync(device);

        using var response = await Resume(device, code, ("mvpd", "ExampleSat"));

        var session = await JsonAssert.OkJsonAsync(response);
        Assert.Equal("retry", session.GetProperty("actionName").GetString());
        Assert.Equal("direct", session.GetProperty("actionType").GetString());
        Assert.Equal(code, session.GetProperty("code").GetString());
        Assert.Equal("ExampleSat", session.GetProperty("mvpd").GetString());
        Assert.Equal(["domainName", "redirectUrl"], JsonAssert.Strings(session.GetProperty("missingParameters")));
    }

    [Fact]
    public async Task ResumeSession_AllSuppliedWithDomainAlias_ReturnsAuthenticate()
    {
        // Arrange: the second screen resumes with another client's token; the code alone identifies the session.
        var device = await emulator.RegisterDeviceAsync();
        var secondScreen = await emulator.RegisterDeviceAsync();
        var code = await CreateIncompleteCodeAsync(device);

        // Act
        using var response = await Resume(
            secondScreen, code, ("mvpd", "ExampleCable"), ("domain", "localhost"), ("redirectUrl", EmulatorFixture.RedirectUrl));

        // Assert
        var session = await JsonAssert.OkJsonAsync(response);
        Assert.Equal("authenticate", session.GetProperty("actionName").GetString());
        Assert.Equal("interactive", session.GetProperty("actionType").GetString());
        Assert.Equal($"/api/v2/authenticate/REF30/{code}", session.GetProperty("url").GetString());
        using var info = await emulator.GetAsync($"/api/v2/REF30/sessions/{code}", device);
        var existing = (await JsonAssert.OkJsonAsync(info)).GetProperty("existingParameters");
        Assert.Equal("localhost", existing.GetProperty("domainName").GetString());
    }

    [Fact]
    public async Task ResumeSession_UnknownCode_ReturnsInvalidAuthenticationSession()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await Resume(device, "ZZZZZZZ", ("mvpd", "ExampleCable"));

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_authentication_session");
    }

    [Fact]
    public async Task CreateSession_TempPassMvpd_ReturnsAuthorizeTemporaryWithoutCode()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.CreateSessionAsync(device, ("mvpd", "TempPass_REF30"));

        var session = await JsonAssert.OkJsonAsync(response);
        Assert.Equal("authorize", session.GetProperty("actionName").GetString());
        Assert.Equal("direct", session.GetProperty("actionType").GetString());
        Assert.Equal("temporary", session.GetProperty("reasonType").GetString());
        Assert.Equal("/api/v2/REF30/decisions/authorize/TempPass_REF30", session.GetProperty("url").GetString());
        Assert.False(session.TryGetProperty("code", out _));
        Assert.False(session.TryGetProperty("notAfter", out _));
    }

    [Fact]
    public async Task CreateSession_ProfileExists_ReturnsAuthorizeAuthenticated()
    {
        var device = await emulator.RegisterDeviceAsync();
        await emulator.AuthenticateAsync(device);

        using var response = await emulator.CreateSessionAsync(
            device, ("mvpd", "ExampleCable"), ("domainName", "localhost"), ("redirectUrl", EmulatorFixture.RedirectUrl));

        var session = await JsonAssert.OkJsonAsync(response);
        Assert.Equal("authorize", session.GetProperty("actionName").GetString());
        Assert.Equal("direct", session.GetProperty("actionType").GetString());
        Assert.Equal("authenticated", session.GetProperty("reasonType").GetString());
        Assert.Equal("/api/v2/REF30/decisions/authorize/ExampleCable", session.GetProperty("url").GetString());
        Assert.False(session.TryGetProperty("code", out _));
    }

    [Fact]
    public async Task CreateSession_ProfileForOtherMvpd_StillReturnsAuthenticate()
    {
        var device = await emulator.RegisterDeviceAsync();
        await emulator.AuthenticateAsync(device, "ExampleCable");

        using var response = await emulator.CreateSessionAsync(
            device, ("mvpd", "ExampleSat"), ("domainName", "localhost"), ("redirectUrl", EmulatorFixture.RedirectUrl));

        Assert.Equal("authenticate", (await JsonAssert.OkJsonAsync(response)).GetProperty("actionName").GetString());
    }

    [Fact]
    public async Task CreateSession_UnknownMvpd_Returns400InvalidParameterMvpd()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.CreateSessionAsync(device, ("mvpd", "NoSuchMvpd"));

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter_mvpd");
    }

    [Fact]
    public async Task CreateSession_RelativeRedirectUrl_Returns400InvalidParameterRedirectUrl()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.CreateSessionAsync(device, ("redirectUrl", "/relative"));

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter_redirect_url");
    }

    [Fact]
    public async Task CreateSession_SameDeviceAgain_ReplacesOldCode()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var otherDevice = await emulator.RegisterDeviceAsync();
        var oldCode = await emulator.CreateCodeAsync(device);
        var otherCode = await emulator.CreateCodeAsync(otherDevice);

        // Act
        var newCode = await emulator.CreateCodeAsync(device);

        // Assert
        Assert.NotEqual(oldCode, newCode);
        using var oldInfo = await emulator.GetAsync($"/api/v2/REF30/sessions/{oldCode}", device);
        await JsonAssert.EnhancedErrorAsync(oldInfo, HttpStatusCode.BadRequest, "invalid_authentication_session");
        using var oldPoll = await emulator.GetAsync($"/api/v2/REF30/profiles/code/{oldCode}", device);
        await JsonAssert.EnhancedErrorAsync(oldPoll, HttpStatusCode.BadRequest, "invalid_authentication_session");
        using var newInfo = await emulator.GetAsync($"/api/v2/REF30/sessions/{newCode}", device);
        Assert.Equal(HttpStatusCode.OK, newInfo.StatusCode);
        using var otherInfo = await emulator.GetAsync($"/api/v2/REF30/sessions/{otherCode}", otherDevice);
        Assert.Equal(HttpStatusCode.OK, otherInfo.StatusCode);
        Assert.Equal(EmulatorSessionStatus.Replaced, emulator.State.ListSessions().Single(s => s.Code == oldCode).Status);
    }

    [Fact]
    public async Task CreateSession_CodeLifetimeElapsed_CodeRejected()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.CreateCodeAsync(device);
        emulator.Time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromMilliseconds(1));
        using var beforeExpiry = await emulator.GetAsync($"/api/v2/REF30/profiles/code/{code}", device);

        // Act
        emulator.Time.Advance(TimeSpan.FromMilliseconds(1));
        using var afterExpiry = await emulator.GetAsync($"/api/v2/REF30/profiles/code/{code}", device);

        // Assert
        Assert.Equal(HttpStatusCode.OK, beforeExpiry.StatusCode);
        await JsonAssert.EnhancedErrorAsync(afterExpiry, HttpStatusCode.BadRequest, "invalid_authentication_session");
        using var authenticate = await emulator.Http.GetAsync($"/api/v2/authenticate/REF30/{code}");
        Assert.Equal(HttpStatusCode.BadRequest, authenticate.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fingerprint")]
    [InlineData("fingerprint !!!not-base64!!!")]
    [InlineData("uuid ZGV2aWNlLTE=")]
    [InlineData("ZGV2aWNlLTE=")]
    public async Task CreateSession_BadDeviceIdentifier_ReturnsInvalidHeaderDeviceIdentifier(string? header)
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await SendWithHeaders(device, header, EmulatorFixture.DeviceInfoHeader);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_header_device_identifier");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("!!!not-base64!!!")]
    [InlineData("bm90IGpzb24=")] // "not json"
    [InlineData("WzEsMl0=")] // "[1,2]"
    public async Task CreateSession_BadDeviceInfo_ReturnsInvalidHeaderDeviceInfo(string? header)
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await SendWithHeaders(device, device.DeviceIdentifierHeader, header);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_header_device_info");
    }

    [Fact]
    public async Task CreateSession_LowerCaseHeadersAndPartialDeviceInfo_Accepted()
    {
        var device = await emulator.RegisterDeviceAsync();
        var info = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"model":"X"}"""));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/REF30/sessions") { Content = EmulatorFixture.Form() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", device.AccessToken);
        request.Headers.TryAddWithoutValidation("ap-device-identifier", "FINGERPRINT " + device.DeviceIdentifierHeader["fingerprint ".Length..]);
        request.Headers.TryAddWithoutValidation("x-device-info", info);

        using var response = await emulator.Http.SendAsync(request);

        Assert.Equal("resume", (await JsonAssert.OkJsonAsync(response)).GetProperty("actionName").GetString());
    }

    [Fact]
    public async Task GetSession_ValidCode_ReturnsExistingParametersAndDevice()
    {
        var device = await emulator.RegisterDeviceAsync();
        using var created = await emulator.CreateSessionAsync(device, ("mvpd", "ExampleCable"), ("domainName", "localhost"));
        var createdSession = await JsonAssert.OkJsonAsync(created);
        var code = createdSession.GetProperty("code").GetString()!;

        using var response = await emulator.GetAsync($"/api/v2/REF30/sessions/{code}", device);

        var info = await JsonAssert.OkJsonAsync(response);
        var existing = info.GetProperty("existingParameters");
        Assert.Equal("REF30", existing.GetProperty("serviceProvider").GetString());
        Assert.Equal("ExampleCable", existing.GetProperty("mvpd").GetString());
        Assert.Equal("localhost", existing.GetProperty("domainName").GetString());
        Assert.Equal(["redirectUrl"], JsonAssert.Strings(info.GetProperty("missingParameters")));
        Assert.Equal(createdSession.GetProperty("notAfter").GetString(), info.GetProperty("notAfter").GetString());
        var parsedDevice = info.GetProperty("device");
        Assert.Equal("SetTopBox", parsedDevice.GetProperty("type").GetString());
        Assert.Equal("BRAVIA-XR", parsedDevice.GetProperty("model").GetString());
        Assert.Equal(2023, parsedDevice.GetProperty("version").GetProperty("major").GetInt32());
        Assert.Equal("Android", parsedDevice.GetProperty("operatingSystem").GetProperty("name").GetString());
        Assert.Equal(12, parsedDevice.GetProperty("operatingSystem").GetProperty("version").GetProperty("major").GetInt32());
        Assert.Equal("com.example.tveapp", parsedDevice.GetProperty("applicationId").GetString());
        Assert.Equal("198.51.100.23", parsedDevice.GetProperty("connection").GetProperty("ipAddress").GetString());
        Assert.Equal("51734", parsedDevice.GetProperty("connection").GetProperty("port").GetString());
        Assert.Equal("LAN", parsedDevice.GetProperty("connection").GetProperty("type").GetString());
    }

    [Fact]
    public async Task GetSession_LowerCaseCode_Accepted()
    {
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.CreateCodeAsync(device);

        using var response = await emulator.GetAsync($"/api/v2/REF30/sessions/{code.ToLowerInvariant()}", device);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetSession_UnknownCode_ReturnsInvalidAuthenticationSession()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.GetAsync("/api/v2/REF30/sessions/NOCODE2", device);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_authentication_session");
    }

    [Fact]
    public async Task CreateSession_MissingToken_Returns401()
    {
        using var response = await emulator.Http.PostAsync("/api/v2/REF30/sessions", EmulatorFixture.Form(("mvpd", "ExampleCable")));

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_access_token_client_application");
    }

    private async Task<string> CreateIncompleteCodeAsync(TestDevice device)
    {
        using var response = await emulator.CreateSessionAsync(device);
        return (await JsonAssert.OkJsonAsync(response)).GetProperty("code").GetString()!;
    }

    private Task<HttpResponseMessage> Resume(TestDevice device, string code, params (string Key, string? Value)[] form) =>
        emulator.SendAsync(HttpMethod.Post, $"/api/v2/REF30/sessions/{code}", device, deviceHeaders: false, form);

    private async Task<HttpResponseMessage> SendWithHeaders(TestDevice device, string? deviceIdentifier, string? deviceInfo)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/REF30/sessions")
        {
            Content = EmulatorFixture.Form(("mvpd", "ExampleCable")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", device.AccessToken);
        if (deviceIdentifier is not null)
        {
            request.Headers.TryAddWithoutValidation("AP-Device-Identifier", deviceIdentifier);
        }

        if (deviceInfo is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Device-Info", deviceInfo);
        }

        return await emulator.Http.SendAsync(request);
    }
}
