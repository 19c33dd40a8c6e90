using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Emulator.Tests;

/// <summary>The emulator enforces <see cref="RequiredHeaders"/> on every Adobe route, with each API's documented error.</summary>
public sealed class RequiredHeadersTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    public static TheoryData<string, string, string> DeviceHeaderRows()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var row in RequiredHeaders.Endpoints.Where(e => e.Api == AdobeApi.RestApiV2 && e.Requires(AdobeHeaders.DeviceIdentifier)))
        {
            rows.Add(row.Method, row.Route, AdobeHeaders.DeviceIdentifier);
            rows.Add(row.Method, row.Route, AdobeHeaders.DeviceInfo);
        }

        return rows;
    }

    public static TheoryData<string, string> TokenRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var row in RequiredHeaders.Endpoints.Where(e => e.Requires(AdobeHeaders.Authorization)))
        {
            rows.Add(row.Method, row.Route);
        }

        return rows;
    }

    [Fact]
    public void Endpoints_EveryAdobeRoute_HasExactlyOneRow()
    {
        // Arrange
        var routes = emulator.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/'))
            .Where(r => !r.StartsWith("/emulator", StringComparison.Ordinal))
            .ToHashSet();

        // Act
        var rows = RequiredHeaders.Endpoints.Select(e => e.Route).ToHashSet();

        // Assert
        Assert.Equal(rows.Order(), routes.Order());
        Assert.Equal(RequiredHeaders.Endpoints.Count, RequiredHeaders.Endpoints.DistinctBy(e => (e.Method, e.Route)).Count());
    }

    [Theory]
    [MemberData(nameof(DeviceHeaderRows))]
    public async Task Request_WithoutDeviceHeader_Returns400WithTheHeadersCode(string method, string route, string removed)
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        using var request = Request(method, route, device);
        request.Headers.Remove(removed);

        // Act
        using var response = await emulator.Http.SendAsync(request);

        // Assert
        var code = removed == AdobeHeaders.DeviceIdentifier ? "invalid_header_device_identifier" : "invalid_header_device_info";
        var error = await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Equal("none", error.GetProperty("action").GetString());
    }

    [Theory]
    [MemberData(nameof(TokenRows))]
    public async Task Request_WithoutToken_Returns401(string method, string route)
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        using var request = Request(method, route, device);
        request.Headers.Authorization = null;

        // Act
        using var response = await emulator.Http.SendAsync(request);

        // Assert
        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_access_token_client_application");
    }

    [Fact]
    public async Task Token_WithoutDeviceInfo_ReturnsInvalidRequest()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();

        // Act
        using var response = await emulator.RequestTokenAsync(device.ClientId, device.ClientSecret, deviceInfo: false);

        // Assert
        await JsonAssert.OAuthErrorAsync(response, "invalid_request");
    }

    [Fact]
    public async Task Configuration_WithAllDeviceHeaders_Returns200()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        using var request = Request("GET", "/api/v2/{serviceProvider}/configuration", device);

        // Act
        using var response = await emulator.Http.SendAsync(request);

        // Assert
        await JsonAssert.OkJsonAsync(response);
    }

    // A request as the row's page describes it, every required header present and well-formed.
    private static HttpRequestMessage Request(string method, string route, TestDevice device)
    {
        var path = route.Replace("{serviceProvider}", EmulatorFixture.ServiceProvider, StringComparison.Ordinal)
            .Replace("{mvpd}", "ExampleCable", StringComparison.Ordinal)
            .Replace("{code}", "NOCODE1", StringComparison.Ordinal);
        if (path.StartsWith("/reset-tempass", StringComparison.Ordinal))
        {
            path += "?requestor_id=REF30&mvpd_id=TempPass_REF30";
        }

        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", device.AccessToken);
        request.Headers.Add(AdobeHeaders.DeviceIdentifier, device.DeviceIdentifierHeader);
        request.Headers.Add(AdobeHeaders.DeviceInfo, EmulatorFixture.DeviceInfoHeader);
        request.Content = RequiredHeaders.ForRoute(method, route)?.MediaType switch
        {
            RequiredHeaders.Json => new StringContent("""{"resources":["r1"]}""", Encoding.UTF8, RequiredHeaders.Json),
            RequiredHeaders.Form => EmulatorFixture.Form(("mvpd", "ExampleCable")),
            _ => null,
        };
        return request;
    }
}
