using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PassBroker.Browser.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Browser.Tests.Authn;

/// <summary>
/// The second-screen sign-in in a real Chromium: a TV starts a sign-in without an MVPD, a person types its code on a
/// phone or a computer, picks the provider, signs in at the MVPD, and the TV notices. Screenshots of every page go to
/// <c>TestResults/screenshots</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SecondScreenBrowserTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;
    private ChromiumBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _app = await PassBrokerApplication.StartOnOwnPortAsync(azurite);
        _browser = await ChromiumBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    private string AuthnUrl => new Uri(_app.DevHost.BaseAddress, "/authn").ToString();

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("wide", 1440, 900)]
    public async Task PersonTypesTheTvsCodePicksProviderAndSignsIn_TvIsAuthenticated(string viewport, int width, int height)
    {
        // Arrange: the TV starts a sign-in without an MVPD and shows its code.
        var (tv, _, _) = await _app.RegisterDeviceAsync("browser-tv-" + viewport);
        var session = await StartSecondScreenSignInAsync(tv);
        var code = session.GetProperty("code").GetString()!;
        var page = await _browser.NewPageAsync(width, height);
        var violations = ChromiumBrowser.CspViolations(page);

        // Act: the code page.
        await page.GotoAsync(AuthnUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in on your TV" })).ToBeVisibleAsync();
        await page.GetByLabel("Code from your TV").FillAsync(code.ToLowerInvariant());
        await ChromiumBrowser.ScreenshotAsync(page, $"1-code-{viewport}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // The picker, with the filtered providers only.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your TV provider" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Example Satellite" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Temp Pass" })).ToHaveCountAsync(0);
        await ChromiumBrowser.ScreenshotAsync(page, $"2-provider-{viewport}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Example Cable" }).ClickAsync();

        // Our page hands the browser on to Adobe (form-action 'self' keeps the form itself from going there), and Adobe
        // sends it to the MVPD's login form.
        await page.WaitForURLAsync("**/emulator/mvpd/ExampleCable/login**");
        await ChromiumBrowser.ScreenshotAsync(page, $"3-mvpd-login-{viewport}");
        await page.GetByLabel("Username").FillAsync("alice");
        await page.GetByLabel("Password").FillAsync("alice-pw");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Assert: the success page, and the TV's session turns authenticated at the next poll.
        await page.WaitForURLAsync(new Uri(_app.DevHost.BaseAddress, "/authn/done").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're signed in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Go back to your TV")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, $"4-done-{viewport}");
        await AssertNoHorizontalScrollAsync(page);
        // Nothing on the way was blocked by the pages' policy: not the forms, not a logo.
        Assert.Empty(violations);

        var waiting = tv.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}?wait=30");
        await _app.AdvanceAsync(TimeSpan.FromSeconds(15));
        var status = await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("authenticated", status.GetProperty("status").GetString());
        Assert.Equal("ExampleCable", status.GetProperty("profile").GetProperty("mvpd").GetString());
    }

    [Fact]
    public async Task QrCodeUrl_PrefillsTheCode()
    {
        var (tv, _, _) = await _app.RegisterDeviceAsync("qr-tv");
        var session = await StartSecondScreenSignInAsync(tv);
        var page = await _browser.NewPageAsync(390, 844);

        await page.GotoAsync(session.GetProperty("secondScreenUrl").GetString()!);

        await Assertions.Expect(page.GetByLabel("Code from your TV")).ToHaveValueAsync(session.GetProperty("code").GetString()!);
        await ChromiumBrowser.ScreenshotAsync(page, "5-prefilled-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your TV provider" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("wide", 1440, 900)]
    public async Task WrongCode_IsAnnouncedAndCanBeRetyped(string viewport, int width, int height)
    {
        var page = await _browser.NewPageAsync(width, height);
        await page.GotoAsync(AuthnUrl);

        await page.GetByLabel("Code from your TV").FillAsync("ZZZ9999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("We couldn't use that code");
        var field = page.GetByLabel("Code from your TV");
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(field).ToHaveValueAsync("ZZZ9999");
        await Assertions.Expect(field).ToBeEditableAsync();
        await ChromiumBrowser.ScreenshotAsync(page, $"6-wrong-code-{viewport}");
        await AssertNoHorizontalScrollAsync(page);
    }

    [Fact]
    public async Task ExpiredCode_GetsTheSameMessage()
    {
        var (tv, _, _) = await _app.RegisterDeviceAsync("slow-tv");
        var code = (await StartSecondScreenSignInAsync(tv)).GetProperty("code").GetString()!;
        await _app.AdvanceAsync(TimeSpan.FromMinutes(31));
        var page = await _browser.NewPageAsync(390, 844);
        await page.GotoAsync(AuthnUrl);

        await page.GetByLabel("Code from your TV").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("We couldn't use that code");
        await ChromiumBrowser.ScreenshotAsync(page, "7-expired-code-phone");
    }

    private static async Task<JsonElement> StartSecondScreenSignInAsync(HttpClient tv)
    {
        var response = await tv.PostAsJsonAsync("/api/authentication/sessions", new { });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // Readable at phone width means no sideways scrolling.
    private static async Task AssertNoHorizontalScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
}
