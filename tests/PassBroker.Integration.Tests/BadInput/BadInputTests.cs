using System.Net;
using System.Net.Http.Json;
using System.Text;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;

namespace PassBroker.Integration.Tests.BadInput;

/// <summary>Every bad input to the registration and sign-in routes gets a 4xx Problem Details with a stable code, never a 500.
/// Missing, forged and foreign credentials on every route: <c>Security/DeviceIsolationTests</c>.</summary>
// One application for the class: the bad inputs are refused before they change anything, and what the few good ones
// register or start is their own (a device id of their own, a session nobody polls).
[Collection(AzuriteCollection.Name)]
public sealed class BadInputTests(SharedApplication shared) : IClassFixture<SharedApplication>, IAsyncLifetime
{
    private readonly PassBrokerApplication _app = shared.App;
    private HttpClient _device = null!;
    private HttpClient _anonymous = null!;

    public async Task InitializeAsync()
    {
        _device = await shared.DeviceAsync("bad-input-tv");
        _anonymous = _app.CreateClient();
    }

    public Task DisposeAsync()
    {
        _device.Dispose();
        _anonymous.Dispose();
        return Task.CompletedTask;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("{\"deviceId\": 42}")]
    [InlineData("{\"deviceId\": \"x\",}")]
    [InlineData("{\"deviceId\": \"x\", \"deviceInfo\": []}")]
    public async Task RegisterDevice_MalformedJson_IsInvalidJson(string json) =>
        await ProblemAssert.IsProblemAsync(await _anonymous.PostAsync("/api/devices", Json(json)), HttpStatusCode.BadRequest, "invalid_json");

    [Fact]
    public async Task RegisterDevice_EmptyBody_IsInvalidJson() =>
        await ProblemAssert.IsProblemAsync(await _anonymous.PostAsync("/api/devices", Json("")), HttpStatusCode.BadRequest, "invalid_json");

    [Fact]
    public async Task RegisterDevice_DeeplyNestedJson_IsInvalidJson()
    {
        var deep = "{\"deviceId\":\"x\",\"deviceInfo\":" + new string('[', 200) + new string(']', 200) + "}";

        await ProblemAssert.IsProblemAsync(await _anonymous.PostAsync("/api/devices", Json(deep)), HttpStatusCode.BadRequest, "invalid_json");
    }

    [Theory]
    [InlineData("{}", "deviceId")]
    [InlineData("{\"deviceId\":\"tv-1\"}", "deviceInfo")]
    [InlineData("{\"deviceId\":\"tv-1\",\"deviceInfo\":{\"model\":\"m\",\"version\":\"1\",\"osName\":\"Android\",\"osVersion\":\"12\"}}", "deviceInfo.connectionType")]
    [InlineData("{\"deviceId\":\"tv\\u0000/#?\",\"deviceInfo\":{}}", "deviceId")]
    public async Task RegisterDevice_MissingOrBadFields_IsValidationFailedNamingTheField(string json, string field)
    {
        var problem = await ProblemAssert.IsProblemAsync(await _anonymous.PostAsync("/api/devices", Json(json)), HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task RegisterDevice_DeviceIdWithCharactersIllegalInTableKeys_IsRegistered()
    {
        // Device ids are hashed into keys, so any printable id works.
        var response = await _anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration("tv/with\\every#illegal?char"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task RegisterDevice_NotJson_IsUnsupportedMediaType() =>
        await ProblemAssert.IsProblemAsync(await _anonymous.PostAsync("/api/devices", new StringContent("deviceId=x", Encoding.UTF8, "application/x-www-form-urlencoded")),
            HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

    [Fact]
    public async Task RegisterDevice_OversizedBody_IsPayloadTooLarge()
    {
        var huge = "{\"deviceId\":\"" + new string('x', 200_000) + "\"}";

        await ProblemAssert.IsProblemAsync(await _anonymous.PostAsync("/api/devices", Json(huge)), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task RegisterDevice_BodyOverTheJsonLimitButUnderKestrels_IsPayloadTooLarge()
    {
        var big = "{\"deviceId\":\"" + new string('x', 20_000) + "\"}";

        await ProblemAssert.IsProblemAsync(await _anonymous.PostAsync("/api/devices", Json(big)), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Theory]
    [InlineData("Bearer pbd1.0123456789abcdef0123456789abcdef.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task DeviceRoutes_ForgedToken_AreInvalidDeviceToken(string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/profiles");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        await ProblemAssert.IsProblemAsync(await _anonymous.SendAsync(request), HttpStatusCode.Unauthorized, "invalid_device_token");
    }

    [Theory]
    [InlineData("AB%2FCD")]
    [InlineData("AB%5CCD")]
    [InlineData("AB%23CD")]
    [InlineData("AB%3FCD")]
    [InlineData("AB%1FCD")]
    [InlineData("%E2%98%83")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task SessionStatus_CodeWithIllegalCharacters_IsInvalidSessionCode(string code) =>
        await ProblemAssert.IsProblemAsync(await _device.GetAsync($"/api/authentication/sessions/{code}"), HttpStatusCode.BadRequest, "invalid_session_code");

    [Fact]
    public async Task SessionStatus_NulInPath_IsRefusedByTheServerBeforeAnyHandler()
    {
        // Kestrel rejects a decoded NUL in the request target while parsing, before middleware could shape the answer.
        var response = await _device.GetAsync("/api/authentication/sessions/AB%00CD");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SessionStatus_UnknownCode_IsSessionNotFound() =>
        await ProblemAssert.IsProblemAsync(await _device.GetAsync("/api/authentication/sessions/NOSUCH1"), HttpStatusCode.NotFound, "session_not_found");

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("31")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task SessionStatus_BadWait_IsValidationFailed(string wait)
    {
        var start = await _device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        var code = (await start.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString();

        var problem = await ProblemAssert.IsProblemAsync(await _device.GetAsync($"/api/authentication/sessions/{code}?wait={wait}"), HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal("wait", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("{\"mvpd\":\"NoSuchMvpd\"}")]
    [InlineData("{\"mvpd\":\"TempPass_REF30\"}")]
    [InlineData("{\"mvpd\":\"ExampleTestMvpd\"}")]
    [InlineData("{\"mvpd\":\"a/b#c?d\\\\e\"}")]
    public async Task StartSession_MvpdNotInThePicker_IsUnknownMvpd(string json) =>
        await ProblemAssert.IsProblemAsync(await _device.PostAsync("/api/authentication/sessions", Json(json)), HttpStatusCode.BadRequest, "unknown_mvpd");

    [Theory]
    [InlineData("{\"mvpd\":")]
    [InlineData("{\"mvpd\":[1]}")]
    public async Task StartSession_MalformedJson_IsInvalidJson(string json) =>
        await ProblemAssert.IsProblemAsync(await _device.PostAsync("/api/authentication/sessions", Json(json)), HttpStatusCode.BadRequest, "invalid_json");

    [Fact]
    public async Task StartSession_NoBody_StartsSecondScreenSignIn()
    {
        var response = await _device.PostAsync("/api/authentication/sessions", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("resume", body.GetProperty("actionName").GetString());
        Assert.Contains("mvpd", body.GetProperty("missingParameters").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task UnknownRoute_IsRouteNotFound() =>
        await ProblemAssert.IsProblemAsync(await _device.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound, "route_not_found");

    [Fact]
    public async Task WrongMethod_IsMethodNotAllowed() =>
        await ProblemAssert.IsProblemAsync(await _device.DeleteAsync("/api/devices"), HttpStatusCode.MethodNotAllowed, "method_not_allowed");

    [Fact]
    public async Task Health_StorageUp_IsHealthy()
    {
        var response = await _anonymous.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
