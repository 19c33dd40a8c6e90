using System.Net;
using System.Text;

namespace PassBroker.Emulator.Tests;

/// <summary>Decisions requests Adobe rejects as a whole, before any MVPD is asked (adobe-pass-v2.md sections 1.2 and 8.3).</summary>
public sealed class DecisionsApiBadRequestTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Mvpd = "ExampleCable";
    private const string Preauthorize = "preauthorize";
    private const string Authorize = "authorize";

    [Theory]
    [InlineData(Preauthorize)]
    [InlineData(Authorize)]
    public async Task Decisions_WithoutDeviceHeaders_Returns400InvalidHeaderDeviceIdentifier(string kind)
    {
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);

        using var response = await emulator.PostJsonAsync(
            $"/api/v2/REF30/decisions/{kind}/{Mvpd}", device, """{"resources":["news"]}""", deviceHeaders: false);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_header_device_identifier");
    }

    [Fact]
    public async Task Decisions_BadDeviceInfo_Returns400InvalidHeaderDeviceInfo()
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v2/REF30/decisions/authorize/{Mvpd}")
        {
            Content = new StringContent("""{"resources":["news"]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", device.AccessToken);
        request.Headers.Add("AP-Device-Identifier", device.DeviceIdentifierHeader);
        request.Headers.Add("X-Device-Info", "not base64 json");

        // Act
        using var response = await emulator.Http.SendAsync(request);

        // Assert
        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_header_device_info");
    }

    [Theory]
    [InlineData(Preauthorize)]
    [InlineData(Authorize)]
    public async Task Decisions_UnknownMvpd_Returns400InvalidParameterMvpd(string kind)
    {
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);

        using var response = await emulator.DecideAsync(device, kind, "NoSuchMvpd", "news");

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter_mvpd");
    }

    [Fact]
    public async Task Decisions_UnknownServiceProvider_Returns400InvalidParameterServiceProvider()
    {
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);

        using var response = await emulator.PostJsonAsync($"/api/v2/NOSUCHSP/decisions/preauthorize/{Mvpd}", device, """{"resources":["news"]}""");

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter_service_provider");
    }

    [Fact]
    public async Task Decisions_WithoutAccessToken_Returns401()
    {
        using var response = await emulator.PostJsonAsync($"/api/v2/REF30/decisions/authorize/{Mvpd}", device: null, """{"resources":["news"]}""");

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_access_token_client_application");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"resources":"news"}""")]
    [InlineData("""{"resources":[]}""")]
    [InlineData("""{"resources":[42]}""")]
    [InlineData("""{"resources":["news",""]}""")]
    [InlineData("""{"resources":[" "]}""")]
    public async Task Decisions_BadBody_Returns400InvalidParameterResourcesAndIsNotCounted(string body)
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);
        var counted = emulator.State.PreauthorizeCount;

        // Act
        using var response = await emulator.PostJsonAsync($"/api/v2/REF30/decisions/preauthorize/{Mvpd}", device, body);

        // Assert
        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter_resources");
        Assert.Equal(counted, emulator.State.PreauthorizeCount);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Decisions_BodyNotSentAsJson_Returns400InvalidParameterResources(string? contentType)
    {
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);

        using var response = await emulator.PostJsonAsync(
            $"/api/v2/REF30/decisions/authorize/{Mvpd}", device, """{"resources":["news"]}""", contentType);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter_resources");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json;charset=utf-8")]
    public async Task Decisions_JsonContentTypeWithOrWithoutCharset_IsAccepted(string contentType)
    {
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);

        using var response = await emulator.PostJsonAsync(
            $"/api/v2/REF30/decisions/authorize/{Mvpd}", device, """{"resources":["news"]}""", contentType);

        Assert.True((await JsonAssert.DecisionsAsync(response)).Single().GetProperty("authorized").GetBoolean());
    }
}
