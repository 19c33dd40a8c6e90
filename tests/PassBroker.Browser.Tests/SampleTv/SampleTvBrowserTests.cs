using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PassBroker.Browser.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Browser.Tests.SampleTv;

/// <summary>
/// The reference TV app (<c>/sample/tv</c>) in a real Chromium, end to end against the DevHost, the emulator and Azurite:
/// a TV-sized page registers and shows a code and its QR code, a second page plays the phone that scans it and signs in
/// at the MVPD, and the TV goes on by itself to the catalogue, a permitted and a denied play, Temp Pass and sign-out.
/// Screenshots of each step go to <c>TestResults/screenshots/tv-*.png</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class SampleTvBrowserTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int TvWidth = 1920;
    private const int TvHeight = 1080;

    // Expect's 5 s default is short for a step through the workflow, the emulator and storage on two busy CI cores.
    private const int SlowStepMs = 30_000;

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

    private string Origin => _app.DevHost.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task TvSignsInOnAPhone_PlaysIsDeniedRunsTempPassAndSignsOut()
    {
        var tv = await _browser.NewPageAsync(TvWidth, TvHeight);
        var console = PageConsole.Watch(tv);
        await tv.GotoAsync(Origin + "/sample/tv");

        // The TV registers and shows its code, the URL and the QR code of that URL.
        var code = await ShownCodeAsync(tv);
        var secondScreenUrl = $"{Origin}/authn?code={code}";
        await Assertions.Expect(tv.Locator("#signin-url")).ToHaveTextAsync(secondScreenUrl);
        Assert.Equal(secondScreenUrl, await RenderedQrCode.ReadAsync(tv.GetByRole(AriaRole.Img, new() { Name = "QR code" })));
        await Assertions.Expect(tv.Locator("#device")).ToHaveTextAsync(DeviceKey());
        await ChromiumBrowser.ScreenshotAsync(tv, "tv-1-code");

        // The phone scans it: the sign-in page with the code filled in, the provider, the MVPD's login.
        var phone = await _browser.NewPageAsync(390, 844);
        await phone.GotoAsync(secondScreenUrl);
        await Assertions.Expect(phone.GetByLabel("Code from your TV")).ToHaveValueAsync(code);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Example Cable" }).ClickAsync();
        await phone.WaitForURLAsync("**/emulator/mvpd/ExampleCable/login**");
        await phone.GetByLabel("Username").FillAsync("alice");
        await phone.GetByLabel("Password").FillAsync("alice-pw");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "You're signed in" })).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(phone, "tv-2-phone-signed-in");

        // The polling workflow asks Adobe at its next tick (fake clock); the TV's long poll answers at once.
        await _app.AdvanceAsync(TimeSpan.FromSeconds(15));
        await Assertions.Expect(tv.GetByRole(AriaRole.Heading, new() { Name = "Signed in with Example Cable" })).ToBeVisibleAsync(new() { Timeout = SlowStepMs });
        var permitted = tv.Locator("#titles-permitted button");
        var denied = tv.Locator("#titles-denied button");
        await Assertions.Expect(permitted).ToHaveTextAsync(["Play Evening News", "Play Live Sports"]);
        await Assertions.Expect(denied).ToHaveCountAsync(2);
        await Assertions.Expect(denied.Nth(0)).ToContainTextAsync("Play Premium Movie");
        await Assertions.Expect(denied.Nth(0)).ToContainTextAsync("Deny");
        await Assertions.Expect(denied.Nth(1)).ToContainTextAsync("Play Late Night Show");
        await ChromiumBrowser.ScreenshotAsync(tv, "tv-3-catalogue");

        // A permitted play shows the media token's expiry (never the token itself).
        await tv.GetByRole(AriaRole.Button, new() { Name = "Play Evening News" }).ClickAsync();
        await Assertions.Expect(tv.Locator("#player-title")).ToHaveTextAsync("Now playing: Evening News");
        await Assertions.Expect(tv.Locator("#player-detail")).ToContainTextAsync("Media token valid until");
        await ChromiumBrowser.ScreenshotAsync(tv, "tv-4-permit");

        // A denied one shows Adobe's reason and its code.
        await tv.GetByRole(AriaRole.Button, new() { Name = "Play Premium Movie" }).ClickAsync();
        await Assertions.Expect(tv.Locator("#player-title")).ToHaveTextAsync("You can't watch Premium Movie");
        await Assertions.Expect(tv.Locator("#player-detail")).ToContainTextAsync("The MVPD has returned a \"Deny\" decision");
        await Assertions.Expect(tv.Locator("#player-code")).ToHaveTextAsync("Reason code: authorization_denied_by_mvpd");
        await ChromiumBrowser.ScreenshotAsync(tv, "tv-5-deny");

        // Temp Pass: starts, plays on the trial's MVPD, and the trial's clock is running.
        await tv.GetByRole(AriaRole.Button, new() { Name = "Start Temp Pass" }).ClickAsync();
        await Assertions.Expect(tv.Locator("#temppass-status")).ToHaveTextAsync("Temp Pass: not started.");
        await tv.GetByRole(AriaRole.Button, new() { Name = "Play Evening News on Temp Pass" }).ClickAsync();
        await Assertions.Expect(tv.Locator("#player-title")).ToHaveTextAsync("Now playing: Evening News (Temp Pass)");
        await Assertions.Expect(tv.Locator("#temppass-status")).ToContainTextAsync("Temp Pass: active, until");

        // Promotional Temp Pass: PassBroker's Problem Details for an address it cannot use are shown, then a good one plays.
        var email = tv.GetByLabel("Your e-mail, for the promotional Temp Pass");
        await email.FillAsync("viewer@localhost");
        await tv.GetByRole(AriaRole.Button, new() { Name = "Start promotional Temp Pass" }).ClickAsync();
        await Assertions.Expect(tv.GetByRole(AriaRole.Alert)).ToContainTextAsync("(validation_failed)");
        await email.FillAsync("viewer@example.org");
        await tv.GetByRole(AriaRole.Button, new() { Name = "Start promotional Temp Pass" }).ClickAsync();
        await Assertions.Expect(tv.GetByRole(AriaRole.Alert)).ToBeHiddenAsync();
        await Assertions.Expect(tv.Locator("#temppass-status")).ToHaveTextAsync("Promotional Temp Pass: not started.");
        await tv.GetByRole(AriaRole.Button, new() { Name = "Play Evening News on Promotional Temp Pass" }).ClickAsync();
        await Assertions.Expect(tv.Locator("#player-title")).ToHaveTextAsync("Now playing: Evening News (promotional Temp Pass)");
        await Assertions.Expect(tv.Locator("#temppass-status")).ToContainTextAsync("2 title(s) left");
        await ChromiumBrowser.ScreenshotAsync(tv, "tv-6-temppass");

        // Sign out: the provider's logout page to open, and a new code to sign in again.
        await tv.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(tv.GetByRole(AriaRole.Heading, new() { Name = "You're signed out on this TV" })).ToBeVisibleAsync();
        await Assertions.Expect(tv.GetByRole(AriaRole.Heading, new() { Name = "Signed in with Example Cable" })).ToBeHiddenAsync();
        await Assertions.Expect(tv.Locator("#signin-code")).Not.ToHaveTextAsync(code);
        await ShownCodeAsync(tv);
        await ChromiumBrowser.ScreenshotAsync(tv, "tv-7-signed-out");
        var providerLogout = await tv.RunAndWaitForPopupAsync(() =>
            tv.GetByRole(AriaRole.Link, new() { Name = "Finish signing out at Example Cable" }).ClickAsync());
        await Assertions.Expect(providerLogout.GetByRole(AriaRole.Heading, new() { Name = "You're signed out" })).ToBeVisibleAsync();
        Assert.Equal(1, _app.Emulator.State().MvpdLogoutPageViews);

        // No CSP violation, no script error; the one failed request is the e-mail PassBroker refused on purpose.
        Assert.Empty(console.Problems);
        Assert.Equal([400], console.HttpErrors);
    }

    [Fact]
    public async Task TvWithAStaleToken_RegistersAgainAndCarriesOn()
    {
        var tv = await _browser.NewPageAsync(TvWidth, TvHeight);
        var console = PageConsole.Watch(tv);
        await tv.GotoAsync(Origin + "/sample/tv");
        await ShownCodeAsync(tv);
        await tv.EvaluateAsync("() => localStorage.setItem('passbroker.deviceToken', 'no-longer-valid')");
        var registrations = 0;
        tv.Request += (_, request) => registrations += request.Method == "POST" && request.Url.EndsWith("/api/devices", StringComparison.Ordinal) ? 1 : 0;

        await tv.ReloadAsync();

        // The first call meets 401; the app registers again, repeats the call and shows a code without an error.
        await ShownCodeAsync(tv);
        await Assertions.Expect(tv.GetByRole(AriaRole.Alert)).ToBeHiddenAsync();
        Assert.InRange(registrations, 1, 2);
        Assert.NotEqual("no-longer-valid", await tv.EvaluateAsync<string>("() => localStorage.getItem('passbroker.deviceToken')"));
        Assert.Empty(console.Problems);
        Assert.All(console.HttpErrors, status => Assert.Equal(401, status));
    }

    [Fact]
    public async Task RateLimited_TvWaitsRetryAfterVisiblyAndTriesAgain()
    {
        // PassBroker's own registration limit, one per client address in a 10 s window, already spent by this address
        // (the browser and the test both call from loopback): the TV's registration gets a real 429 with Retry-After.
        // The window outlasts a page load on a loaded machine (a 2 s one did not, and the TV then got in at once).
        await _app.RestartDevHostAsync("--Limits:RegistrationsPerClient=1", "--Limits:RegistrationWindow=00:00:10");
        using (var sameAddress = _app.DevHost.CreateClient())
        {
            var first = await sameAddress.PostAsJsonAsync("/api/devices", TestRequests.Registration("another-app-at-home"));
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }
        var tv = await _browser.NewPageAsync(TvWidth, TvHeight);
        var console = PageConsole.Watch(tv);

        await tv.GotoAsync(Origin + "/sample/tv");

        await Assertions.Expect(tv.GetByRole(AriaRole.Alert)).ToContainTextAsync(TryingAgain());
        await ShownCodeAsync(tv);
        await Assertions.Expect(tv.GetByRole(AriaRole.Alert)).ToBeHiddenAsync();
        Assert.Empty(console.Problems);
        Assert.Equal([429], console.HttpErrors);
    }

    [GeneratedRegex(@"trying again in \d+ s")]
    private static partial Regex TryingAgain();

    private static async Task<string> ShownCodeAsync(IPage tv)
    {
        var code = tv.Locator("#signin-code");
        await Assertions.Expect(code).ToHaveTextAsync(Code(), new() { Timeout = SlowStepMs });
        return (await code.TextContentAsync())!;
    }

    [GeneratedRegex("^[A-Z0-9]{4,32}$")]
    private static partial Regex Code();

    [GeneratedRegex("^Device [A-Za-z0-9_-]+$")]
    private static partial Regex DeviceKey();
}
