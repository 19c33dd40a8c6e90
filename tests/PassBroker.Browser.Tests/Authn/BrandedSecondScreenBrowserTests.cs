using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PassBroker.Browser.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Browser.Tests.Authn;

/// <summary>
/// Two brands on one deployment in a real Chromium: one physical device id registered under each brand, each brand's
/// link opens its code on that brand's page (name, colours, logo) under the pages' strict policy, and the second brand's
/// sign-in completes without touching the first's. Screenshots go to <c>TestResults/screenshots/brand-*.png</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrandedSecondScreenBrowserTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;
    private ChromiumBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _app = await PassBrokerApplication.StartOnOwnPortAsync(azurite, SecondScreenBrands.Settings());
        _browser = await ChromiumBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task SameDeviceUnderTwoBrands_EachBrandsLinkOpensItsOwnStyledPage_AndSignsInItsOwnTv()
    {
        // Arrange: one device id, registered by both brands' apps.
        var (ours, _, _) = await _app.RegisterDeviceAsync("living-room-tv");
        var (theirs, _, _) = await _app.RegisterDeviceAsync("living-room-tv", SecondScreenBrands.Second);
        var ourSession = await StartSecondScreenSignInAsync(ours);
        var theirSession = await StartSecondScreenSignInAsync(theirs);

        // Act and assert: each brand's link, its own name and colours, on the code page and the picker.
        var ourPage = await OpenAsync(ourSession, "ref30", SecondScreenBrands.DefaultName, SecondScreenBrands.DefaultColors);
        var theirPage = await OpenAsync(theirSession, "ref31", SecondScreenBrands.SecondName, SecondScreenBrands.SecondColors);
        await Assertions.Expect(theirPage.Page.Locator("header.brand img")).ToHaveAttributeAsync("src", SecondScreenBrands.SecondLogo);
        await Assertions.Expect(ourPage.Page.Locator("header.brand img")).ToHaveCountAsync(0);

        // The second brand's TV signs in from its page; the first brand's TV, same device id, is still waiting.
        await theirPage.Page.GetByRole(AriaRole.Button, new() { Name = "Example Cable" }).ClickAsync();
        await theirPage.Page.WaitForURLAsync("**/emulator/mvpd/ExampleCable/login**");
        await theirPage.Page.GetByLabel("Username").FillAsync("alice");
        await theirPage.Page.GetByLabel("Password").FillAsync("alice-pw");
        await theirPage.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await theirPage.Page.WaitForURLAsync("**/authn/done");
        var waiting = theirs.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{theirSession.Code}?wait=30");
        await _app.AdvanceAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("authenticated", (await waiting.WaitAsync(TimeSpan.FromSeconds(20))).GetProperty("status").GetString());
        var ourStatus = await ours.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{ourSession.Code}");
        Assert.Equal("pending", ourStatus.GetProperty("status").GetString());
        Assert.Empty(ourPage.Violations);
        Assert.Empty(theirPage.Violations);
    }

    // Opens the sign-in's link, checks the brand's look on the code page and the picker, and leaves the picker open.
    private async Task<(IPage Page, List<string> Violations)> OpenAsync(
        (string Code, string Url) session, string brand, string name, (string Primary, string Background, string Text) colors)
    {
        Assert.EndsWith($"&brand={brand}", session.Url, StringComparison.Ordinal);
        var page = await _browser.NewPageAsync(390, 844);
        var violations = ChromiumBrowser.CspViolations(page);
        await page.GotoAsync(session.Url);
        await AssertLookAsync(page, name, colors);
        await ChromiumBrowser.ScreenshotAsync(page, $"brand-{brand}-1-code");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your TV provider" })).ToBeVisibleAsync();
        await AssertLookAsync(page, name, colors);
        await ChromiumBrowser.ScreenshotAsync(page, $"brand-{brand}-2-provider");
        return (page, violations);
    }

    private static async Task AssertLookAsync(IPage page, string name, (string Primary, string Background, string Text) colors)
    {
        await Assertions.Expect(page.Locator("header.brand")).ToHaveTextAsync(name);
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex($"· {name}$"));
        Assert.Equal(Rgb(colors.Background), await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Equal(Rgb(colors.Text), await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).color"));
        Assert.Equal(Rgb(colors.Primary), await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header.brand')).borderBottomColor"));
    }

    private static string Rgb(string hex) =>
        $"rgb({Convert.ToInt32(hex[1..3], 16)}, {Convert.ToInt32(hex[3..5], 16)}, {Convert.ToInt32(hex[5..7], 16)})";

    private static async Task<(string Code, string Url)> StartSecondScreenSignInAsync(HttpClient tv)
    {
        var response = await tv.PostAsJsonAsync("/api/authentication/sessions", new { });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("code").GetString()!, body.GetProperty("secondScreenUrl").GetString()!);
    }
}
