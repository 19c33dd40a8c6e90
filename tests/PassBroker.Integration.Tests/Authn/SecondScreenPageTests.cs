using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;
using static PassBroker.Integration.Tests.Authn.PageClients;

namespace PassBroker.Integration.Tests.Authn;

/// <summary>The second-screen page over plain HTTP: what a browser never sends, the rate limit, and the TV's URL.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SecondScreenPageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite,
        "--SecondScreen:PublicBaseUrl=https://tv.example/", "--SecondScreen:CodeAttemptsPerIp=4");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignInWithoutMvpd_AnswersTheSecondScreenUrl()
    {
        var (tv, _, _) = await _app.RegisterDeviceAsync("url-tv");

        var session = await (await tv.PostAsJsonAsync("/api/authentication/sessions", new { })).Content.ReadFromJsonAsync<JsonElement>();

        var code = session.GetProperty("code").GetString()!;
        Assert.Equal($"https://tv.example/authn?code={code}", session.GetProperty("secondScreenUrl").GetString());
        Assert.Equal("resume", session.GetProperty("actionName").GetString());
        Assert.Contains("mvpd", session.GetProperty("missingParameters").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task CodePage_IsSelfContainedHtmlWithSecurityHeaders()
    {
        using var browser = Browser("203.0.113.1");

        var page = await browser.GetAsync("/authn?code=<script>alert(1)</script>");
        var css = await browser.GetAsync("/authn/authn.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"code\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html.Replace("https://tv.example", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("", "Enter the code")]
    [InlineData("   ", "Enter the code")]
    [InlineData("AB$12", "only letters and digits")]
    [InlineData("ZZZ9999", "We couldn&#x27;t use that code")]
    public async Task BadCode_IsA400PageWithAnAlert(string code, string message)
    {
        using var browser = Browser("203.0.113.2");

        var response = await browser.PostAsync("/authn", Form(("code", code)));

        await AssertPageAsync(response, HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task UnknownExpiredAndReplacedCodes_AnswerAlike()
    {
        var (tv, _, _) = await _app.RegisterDeviceAsync("oracle-tv");
        var replaced = await StartAsync(tv);
        var current = await StartAsync(tv);
        Assert.NotEqual(replaced, current);
        using var browser = Browser("203.0.113.3");

        var unknown = await PostCodeAsync(browser, "QQQ1111");
        var old = await PostCodeAsync(browser, replaced);
        await _app.AdvanceAsync(TimeSpan.FromMinutes(31));
        var expired = await PostCodeAsync(browser, current);

        Assert.All([unknown, old, expired], r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
        Assert.Equal(unknown.Body.Replace("QQQ1111", "CODE", StringComparison.Ordinal), old.Body.Replace(replaced, "CODE", StringComparison.Ordinal));
        Assert.Equal(unknown.Body.Replace("QQQ1111", "CODE", StringComparison.Ordinal), expired.Body.Replace(current, "CODE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PreselectedMvpd_ContinuesToAdobeFromAPageOfOurs_NotByRedirectingTheForm()
    {
        var (tv, _, _) = await _app.RegisterDeviceAsync("cable-tv");
        var code = await StartAsync(tv, "ExampleCable");
        using var browser = Browser("203.0.113.4");

        var response = await browser.PostAsync("/authn", Form(("code", code)));

        // form-action 'self' would block a redirect to Adobe (and Adobe's on to the MVPD): the page moves on by itself.
        var authenticate = $"{_app.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority)}/api/v2/authenticate/REF30/{code}";
        await AssertPageAsync(response, HttpStatusCode.OK, "Continue to your TV provider");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"""<meta http-equiv="refresh" content="0; url={authenticate}">""", html, StringComparison.Ordinal);
        Assert.Contains($"""<a class="button" href="{authenticate}">Continue</a>""", html, StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
        Assert.Contains("form-action 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_PolicyLetsFormsGoOnlyHere_AndImagesComeOnlyFromTheLogoHosts()
    {
        using var browser = Browser("203.0.113.10");

        var page = await browser.GetAsync("/authn");

        // The test settings name the emulator's logo host (SecondScreen:LogoHosts); nothing else, no https: wildcard.
        Assert.Equal(
            "default-src 'none'; style-src 'self'; img-src 'self' https://passbroker.example; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task PickedProviderNotInThePicker_IsA400Picker()
    {
        var (tv, _, _) = await _app.RegisterDeviceAsync("picky-tv");
        var code = await StartAsync(tv);
        using var browser = Browser("203.0.113.5");

        var response = await browser.PostAsync("/authn/provider", Form(("code", code), ("mvpd", "TempPass_REF30")));

        await AssertPageAsync(response, HttpStatusCode.BadRequest, "Pick one of the providers");
    }

    [Fact]
    public async Task NotAForm_IsA400Page()
    {
        using var browser = Browser("203.0.113.6");

        var response = await browser.PostAsJsonAsync("/authn", new { code = "ABC1234" });

        await AssertPageAsync(response, HttpStatusCode.BadRequest, "Something went wrong sending the form");
    }

    [Fact]
    public async Task CrossSitePost_IsRefused()
    {
        using var browser = Browser("203.0.113.7");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/authn") { Content = Form(("code", "ABC1234")) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await browser.SendAsync(request);

        await AssertPageAsync(response, HttpStatusCode.Forbidden, "sent from another website");
    }

    [Fact]
    public async Task TooManyCodesFromOneIp_Are429WithRetryAfter_OtherIpsUnaffected()
    {
        using var guesser = Browser("203.0.113.8");
        using var neighbour = Browser("203.0.113.9");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await guesser.PostAsync("/authn", Form(("code", $"GUESS{i}")))).StatusCode);
        }

        var limited = await guesser.PostAsync("/authn", Form(("code", "GUESS5")));
        var other = await neighbour.PostAsync("/authn", Form(("code", "GUESS6")));

        await AssertPageAsync(limited, HttpStatusCode.TooManyRequests, "too many codes");
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    private HttpClient Browser(string ip) => _app.PageBrowser(ip);

    private static async Task<(HttpStatusCode Status, string Body)> PostCodeAsync(HttpClient browser, string code)
    {
        var response = await browser.PostAsync("/authn", Form(("code", code)));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> StartAsync(HttpClient tv, string? mvpd = null)
    {
        var response = await tv.PostAsJsonAsync("/api/authentication/sessions", new { mvpd });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static async Task AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string text)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(text, body, StringComparison.Ordinal);
        Assert.Contains("role=\"", body, StringComparison.Ordinal);
    }
}
