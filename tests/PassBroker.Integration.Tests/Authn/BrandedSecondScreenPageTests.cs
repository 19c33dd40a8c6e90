using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Brands;
using PassBroker.Core.Devices;
using PassBroker.Core.Sessions;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;
using static PassBroker.Integration.Tests.Authn.PageClients;

namespace PassBroker.Integration.Tests.Authn;

/// <summary>
/// The second-screen page on a deployment of two brands, over plain HTTP: each sign-in's link names its brand, a code
/// is looked up under the brand its link names (two brands may hold the same code), a code typed without one that two
/// brands hold leads nowhere and says nothing of them, and each brand's stylesheet carries its colours.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class BrandedSecondScreenPageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Second = SecondScreenBrands.Second;
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite,
    [
        .. SecondScreenBrands.Settings(), "--SecondScreen:PublicBaseUrl=https://tv.example/", "--SecondScreen:CodeAttemptsPerIp=4",
        $"--Brands:{Second}:SecondScreen:PublicBaseUrl=https://sports.example",
    ]);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EachBrandsSignIn_AnswersALinkOnItsAddressThatNamesTheBrand()
    {
        var (ours, theirs) = await SameDeviceUnderBothBrandsAsync("url-tv");

        var ourCode = await StartAsync(ours.Client);
        var theirCode = await StartAsync(theirs.Client);

        Assert.Equal($"https://tv.example/authn?code={ourCode.Code}&brand={SecondScreenBrands.DefaultId}", ourCode.Url);
        Assert.Equal($"https://sports.example/authn?code={theirCode.Code}&brand={Second}", theirCode.Url);
    }

    [Fact]
    public async Task SampleTvQrCode_DrawsEachBrandsLink_AndNoOtherBrandsName()
    {
        var (ours, theirs) = await SameDeviceUnderBothBrandsAsync("qr-tv");
        var ourUrl = (await StartAsync(ours.Client)).Url;
        var theirUrl = (await StartAsync(theirs.Client)).Url;
        using var tv = _app.CreateClient();

        var ourQr = await tv.GetAsync("/sample/tv/qr.svg?url=" + Uri.EscapeDataString(ourUrl));
        var theirQr = await tv.GetAsync("/sample/tv/qr.svg?url=" + Uri.EscapeDataString(theirUrl));
        var swapped = await tv.GetAsync("/sample/tv/qr.svg?url=" + Uri.EscapeDataString(theirUrl.Replace("sports.example", "tv.example", StringComparison.Ordinal)));
        var stranger = await tv.GetAsync("/sample/tv/qr.svg?url=" + Uri.EscapeDataString(ourUrl.Replace("brand=ref30", "brand=evil", StringComparison.Ordinal)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
            [ourQr.StatusCode, theirQr.StatusCode, swapped.StatusCode, stranger.StatusCode]);
    }

    [Fact]
    public async Task CodeTwoBrandsHold_TypedWithoutALink_AsksForIt_EachBrandsLinkFindsItsOwn()
    {
        // Arrange: a real sign-in of the second brand's device, and the same code held by the default brand's device.
        var (ours, theirs) = await SameDeviceUnderBothBrandsAsync("twin-tv");
        var code = (await StartAsync(theirs.Client)).Code;
        var sessions = _app.DevHost.Services.GetRequiredService<ISessionStore>();
        var now = _app.Clock.GetUtcNow();
        await sessions.StartPendingAsync(new AuthenticationSession
        {
            DeviceKey = ours.DeviceKey, Code = code, Status = SessionStatus.Pending, CreatedAt = now, ExpiresAt = now.AddMinutes(30),
            Client = new ClientEndpoint(PassBrokerApplication.DeviceIp, 51734),
        }, s => s, default);
        using var browser = Browser("203.0.113.40");

        // Act
        var bare = await browser.PostAsync("/authn", Form(("code", code)));
        var linked = await browser.PostAsync($"/authn?brand={Second}", Form(("code", code)));

        // Assert: the bare page names neither brand; the link's brand opens the picker in that brand's look.
        var bareHtml = await bare.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("Open the link your TV shows", bareHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Reference", bareHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("ref3", bareHtml, StringComparison.Ordinal);
        var linkedHtml = await linked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Contains("Choose your TV provider", linkedHtml, StringComparison.Ordinal);
        Assert.Contains($"""<span class="brand-name">{SecondScreenBrands.SecondName}</span>""", linkedHtml, StringComparison.Ordinal);
        Assert.Contains($"""action="/authn/provider?brand={Second}" """.TrimEnd(), linkedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeOneBrandHolds_TypedWithoutALink_OpensThatBrandsPicker()
    {
        var (_, theirs) = await SameDeviceUnderBothBrandsAsync("solo-tv");
        var code = (await StartAsync(theirs.Client)).Code;
        using var browser = Browser("203.0.113.41");

        var page = await browser.PostAsync("/authn", Form(("code", code)));

        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(SecondScreenBrands.SecondName, html, StringComparison.Ordinal);
        Assert.Contains($"brand={Second}&amp;v=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeOfOneBrand_UnderAnotherBrandsLink_IsAnInvalidCode()
    {
        var (ours, _) = await SameDeviceUnderBothBrandsAsync("cross-tv");
        var code = (await StartAsync(ours.Client)).Code;
        using var browser = Browser("203.0.113.42");

        var page = await browser.PostAsync($"/authn?brand={Second}", Form(("code", code)));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("We couldn&#x27;t use that code", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrandsStylesheet_CarriesItsColours_VersionedLinkIsCachedForGood_OthersRevalidate()
    {
        using var browser = Browser("203.0.113.43");
        var page = await (await browser.GetAsync($"/authn?brand={Second}")).Content.ReadAsStringAsync();
        var href = WebUtility.HtmlDecode(StylesheetLink().Match(page).Groups["href"].Value);

        var versioned = await browser.GetAsync(href);
        var unversioned = await browser.GetAsync($"/authn/authn.css?brand={Second}");
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/authn/authn.css?brand={Second}");
        revalidate.Headers.IfNoneMatch.Add(versioned.Headers.ETag!);
        var notModified = await browser.SendAsync(revalidate);
        var neutral = await (await browser.GetAsync("/authn/authn.css?brand=nobody")).Content.ReadAsStringAsync();

        var css = await versioned.Content.ReadAsStringAsync();
        Assert.StartsWith($"/authn/authn.css?brand={Second}&v=", href, StringComparison.Ordinal);
        Assert.Contains($"--bg:{SecondScreenBrands.SecondColors.Background};", css, StringComparison.Ordinal);
        Assert.Contains($"--accent:{SecondScreenBrands.SecondColors.Primary};", css, StringComparison.Ordinal);
        Assert.Contains("color-scheme:dark;", css, StringComparison.Ordinal);
        Assert.Equal(CacheControlHeaderValue.Parse("public, max-age=31536000, immutable"), versioned.Headers.CacheControl);
        Assert.True(unversioned.Headers.CacheControl!.NoCache);
        Assert.Equal(css, await unversioned.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.DoesNotContain(SecondScreenBrands.SecondColors.Background, neutral, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeAttempts_CountAcrossBrands()
    {
        using var guesser = Browser("203.0.113.44");
        for (var i = 0; i < 4; i++)
        {
            var link = i % 2 == 0 ? $"/authn?brand={Second}" : "/authn";
            Assert.Equal(HttpStatusCode.BadRequest, (await guesser.PostAsync(link, Form(("code", $"GUESS{i}")))).StatusCode);
        }

        var limited = await guesser.PostAsync($"/authn?brand={SecondScreenBrands.DefaultId}", Form(("code", "GUESS5")));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    // One physical device id registered by both brands' apps.
    private async Task<((HttpClient Client, string DeviceKey) Ours, (HttpClient Client, string DeviceKey) Theirs)> SameDeviceUnderBothBrandsAsync(string deviceId)
    {
        var (ours, _, ourKey) = await _app.RegisterDeviceAsync(deviceId);
        var (theirs, _, theirKey) = await _app.RegisterDeviceAsync(deviceId, Second);
        Assert.Equal(BrandKeys.Default, (await _app.DevHost.Services.GetRequiredService<IDeviceStore>().FindAsync(ourKey, default))!.Brand);
        return ((ours, ourKey), (theirs, theirKey));
    }

    private static async Task<(string Code, string Url)> StartAsync(HttpClient tv)
    {
        var response = await tv.PostAsJsonAsync("/api/authentication/sessions", new { });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("code").GetString()!, body.GetProperty("secondScreenUrl").GetString()!);
    }

    private HttpClient Browser(string ip) => _app.PageBrowser(ip);

    [GeneratedRegex("""<link rel="stylesheet" href="(?<href>[^"]+)">""")]
    private static partial Regex StylesheetLink();
}
