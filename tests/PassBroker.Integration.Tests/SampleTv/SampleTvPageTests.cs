using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PassBroker.Core.Errors;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.SampleTv;

/// <summary>
/// The sample TV app's files and its QR code endpoint over HTTP: the headers that hold the page to its CSP, and a QR
/// code that only ever encodes this PassBroker's own second-screen URLs.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class SampleTvPageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartOnOwnPortAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Page_IsServedWithAStrictCspAndLoadsOnlyItsOwnScriptAndStylesheet()
    {
        using var client = _app.CreateClient();

        var page = await client.GetAsync("/sample/tv");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("require-trusted-types-for 'script'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        // Nothing inline for the CSP to need an exception for: every script has a src, no style element or attribute.
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        foreach (var (asset, type) in new[] { ("/sample/tv/tv.js", "text/javascript"), ("/sample/tv/tv.css", "text/css") })
        {
            Assert.Contains($"\"{asset}\"", html, StringComparison.Ordinal);
            var loaded = await client.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
            Assert.Equal(type, loaded.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Script_CallsOnlyPassBrokersPublicApi()
    {
        using var client = _app.CreateClient();

        var script = await client.GetStringAsync("/sample/tv/tv.js");

        // The app is the example app developers copy: it talks to the routes any app may call, never admin or emulator ones.
        var paths = ApiPath().Matches(script).Select(m => m.Value).Distinct().ToList();
        Assert.Contains("/api/devices", paths);
        Assert.Contains("/api/decisions/authorize", paths);
        Assert.All(paths, path => Assert.DoesNotContain("/admin", path, StringComparison.Ordinal));
        Assert.DoesNotContain("/emulator", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QrCode_OfASignInsSecondScreenUrl_IsAnSvgThatLoadsNothing()
    {
        var (tv, _, _) = await _app.RegisterDeviceAsync("qr-endpoint-tv");
        var started = await tv.PostAsJsonAsync("/api/authentication/sessions", new { });
        var secondScreenUrl = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secondScreenUrl").GetString()!;

        var qr = await tv.GetAsync("/sample/tv/qr.svg?url=" + Uri.EscapeDataString(secondScreenUrl));

        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Assert.Single(qr.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("no-store", qr.Headers.CacheControl?.ToString());
        var svg = await qr.Content.ReadAsStringAsync();
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://attacker.example/authn?code=ABC1234")]
    [InlineData("/authn?code=ABC1234")]
    [InlineData("{origin}/authn?code=")]
    [InlineData("{origin}/authn?code=ABC1234&next=https://attacker.example")]
    [InlineData("{origin}/authn?code=ABC-1234")]
    [InlineData("{origin}/authn/done?code=ABC1234")]
    public async Task QrCode_OfAnyOtherText_IsValidationFailed(string url)
    {
        using var client = _app.CreateClient();
        var origin = _app.DevHost.BaseAddress.GetLeftPart(UriPartial.Authority);

        var response = await client.GetAsync("/sample/tv/qr.svg?url=" + Uri.EscapeDataString(url.Replace("{origin}", origin, StringComparison.Ordinal)));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Equal("url", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task QrCode_WithoutUrl_IsValidationFailed()
    {
        using var client = _app.CreateClient();

        var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync("/sample/tv/qr.svg"), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);

        Assert.Equal("url", problem.GetProperty("field").GetString());
    }

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("/api/[a-z/-]+")]
    private static partial Regex ApiPath();
}
