using System.Net;
using System.Net.Http.Json;
using System.Text;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.BadInput;

/// <summary>
/// Every bad input to preauthorize, authorize and logout gets a 4xx Problem Details with a stable code, never a 500,
/// and never reaches Adobe. The device is signed in, so only the input is wrong.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DecisionsBadInputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Preauthorize = "/api/decisions/preauthorize";
    private const string Authorize = "/api/decisions/authorize";
    private const string Logout = "/api/logout";

    private PassBrokerApplication _app = null!;
    private HttpClient _device = null!;

    public async Task InitializeAsync()
    {
        _app = await PassBrokerApplication.StartAsync(azurite);
        (_device, _, _) = await _app.RegisterDeviceAsync("decisions-bad-input-tv");
        await _app.SignInAsync(_device, "alice", "alice-pw");
    }

    public async Task DisposeAsync()
    {
        _device.Dispose();
        await _app.DisposeAsync();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task AssertProblemWithoutUpstreamCallAsync(string path, HttpContent content, HttpStatusCode status, string code, string? field = null)
    {
        var problem = await ProblemAssert.IsProblemAsync(await _device.PostAsync(path, content), status, code);

        if (field is not null)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }
        var emulator = _app.Emulator.State();
        Assert.Equal((0, 0, 0), (emulator.PreauthorizeCount, emulator.AuthorizeCount, emulator.LogoutCount));
    }

    [Theory]
    [InlineData(Preauthorize, "{")]
    [InlineData(Preauthorize, "")]
    [InlineData(Preauthorize, "[]")]
    [InlineData(Preauthorize, "{\"resources\":\"show-1\"}")]
    [InlineData(Preauthorize, "{\"resources\":[1,2]}")]
    [InlineData(Preauthorize, "{\"resources\":[\"show-1\"],\"mvpd\":7}")]
    [InlineData(Authorize, "{\"resource\":")]
    [InlineData(Authorize, "")]
    [InlineData(Authorize, "{\"resource\":[\"show-1\"]}")]
    [InlineData(Authorize, "{\"resource\":{\"id\":1}}")]
    [InlineData(Logout, "{\"mvpd\":")]
    [InlineData(Logout, "{\"mvpd\":[\"ExampleCable\"]}")]
    [InlineData(Logout, "\"ExampleCable\"")]
    public async Task MalformedJson_IsInvalidJson(string path, string json) =>
        await AssertProblemWithoutUpstreamCallAsync(path, Json(json), HttpStatusCode.BadRequest, "invalid_json");

    [Theory]
    [InlineData(Preauthorize, "{}", "resources")]
    [InlineData(Preauthorize, "{\"resources\":[]}", "resources")]
    [InlineData(Preauthorize, "{\"resources\":null}", "resources")]
    [InlineData(Preauthorize, "{\"resources\":[\"show-1\",null]}", "resources")]
    [InlineData(Preauthorize, "{\"resources\":[\"show-1\",\"  \"]}", "resources")]
    [InlineData(Preauthorize, "{\"resources\":[\"bad\\u0000id\"]}", "resources")]
    [InlineData(Preauthorize, "{\"resources\":[\"show-1\"],\"mvpd\":\"\"}", "mvpd")]
    [InlineData(Preauthorize, "{\"resources\":[\"show-1\"],\"mvpd\":\"a/b#c?d\"}", "mvpd")]
    [InlineData(Authorize, "{}", "resource")]
    [InlineData(Authorize, "{\"resource\":\"\"}", "resource")]
    [InlineData(Authorize, "{\"resource\":null}", "resource")]
    [InlineData(Authorize, "{\"resource\":\"bad\\u001bid\"}", "resource")]
    [InlineData(Authorize, "{\"resource\":\"show-1\",\"mvpd\":\"Example Cable\"}", "mvpd")]
    [InlineData(Logout, "{\"mvpd\":\"\"}", "mvpd")]
    [InlineData(Logout, "{\"mvpd\":\"x\\u0000\"}", "mvpd")]
    public async Task MissingOrBadFields_AreValidationFailedNamingTheField(string path, string json, string field) =>
        await AssertProblemWithoutUpstreamCallAsync(path, Json(json), HttpStatusCode.BadRequest, "validation_failed", field);

    [Fact]
    public async Task Preauthorize_MoreResourcesThanOneRequestMayAsk_IsValidationFailed()
    {
        var resources = string.Join(',', Enumerable.Range(1, 101).Select(i => $"\"show-{i}\""));

        await AssertProblemWithoutUpstreamCallAsync(Preauthorize, Json($"{{\"resources\":[{resources}]}}"), HttpStatusCode.BadRequest, "validation_failed", "resources");
    }

    [Theory]
    [InlineData(Preauthorize, "{{\"resources\":[\"{0}\"]}}", "resources")]
    [InlineData(Authorize, "{{\"resource\":\"{0}\"}}", "resource")]
    public async Task ResourceLongerThanTheLimit_IsValidationFailed(string path, string template, string field) =>
        await AssertProblemWithoutUpstreamCallAsync(path, Json(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, new string('r', 8193))),
            HttpStatusCode.BadRequest, "validation_failed", field);

    [Theory]
    [InlineData(Preauthorize)]
    [InlineData(Authorize)]
    [InlineData(Logout)]
    public async Task NotJson_IsUnsupportedMediaType(string path) =>
        await AssertProblemWithoutUpstreamCallAsync(path, new StringContent("resource=show-1", Encoding.UTF8, "application/x-www-form-urlencoded"),
            HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

    [Theory]
    [InlineData(Preauthorize)]
    [InlineData(Authorize)]
    public async Task HugeBody_IsPayloadTooLarge(string path) =>
        await AssertProblemWithoutUpstreamCallAsync(path, Json("{\"resources\":[\"" + new string('x', PassBrokerApplication.MaxResourcesBodyBytes + 1) + "\"]}"),
            HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

    [Fact]
    public async Task Preauthorize_MrssResourcesLargerThanOtherRoutesAccept_AreDecided()
    {
        // Five MRSS-sized resources: about 40 KB, over the 16 KB other routes take, within the decisions routes' limit
        // (64 KB in these tests, 1 MiB by default).
        var resources = Enumerable.Range(1, 5).Select(i => $"<rss><channel><title>Show {i}</title>{new string('x', 8000)}</channel></rss>").ToArray();

        var response = await _device.PostAsJsonAsync(Preauthorize, new { resources });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([5], _app.Emulator.State().GetPreauthorizeResourceCounts());
    }

    [Theory]
    [InlineData(Preauthorize, "{\"resources\":[\"show-1\"],\"mvpd\":\"NoSuchMvpd\"}")]
    [InlineData(Authorize, "{\"resource\":\"show-1\",\"mvpd\":\"NoSuchMvpd\"}")]
    public async Task WellFormedButUnknownMvpd_IsUnknownMvpd(string path, string json)
    {
        var problem = await ProblemAssert.IsProblemAsync(await _device.PostAsync(path, Json(json)), HttpStatusCode.BadRequest, "unknown_mvpd");

        Assert.Equal("invalid_parameter_mvpd", problem.GetProperty("upstreamCode").GetString());
    }

    [Theory]
    [InlineData(Preauthorize, "GET")]
    [InlineData(Authorize, "PUT")]
    [InlineData(Logout, "DELETE")]
    public async Task WrongMethod_IsMethodNotAllowed(string path, string method) =>
        await ProblemAssert.IsProblemAsync(await _device.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)),
            HttpStatusCode.MethodNotAllowed, "method_not_allowed");
}
