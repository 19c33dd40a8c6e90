using Microsoft.Playwright;
using PassBroker.LocalAzurite;

namespace PassBroker.Browser.Tests.Support;

/// <summary>
/// A real, headless Chromium driven by Playwright: Debian's <c>/usr/bin/chromium</c> (CI installs it), never a
/// browser Playwright downloads. Pages it opens fetch MVPD logos from the emulator's made-up host, so those are
/// answered here with a drawn placeholder instead of going to the network.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private const string LogoSvg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="8" fill="#0b57d0"/><circle cx="24" cy="24" r="10" fill="#fff"/></svg>
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ChromiumBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Where screenshots go: <c>TestResults/screenshots</c> at the repository root (ignored by git).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Find(), "TestResults", "screenshots");

    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: apt-get install -y chromium (.ci/run does).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in a container has no user namespaces for Chromium's sandbox.
            Args = ["--no-sandbox"],
        });
        return new ChromiumBrowser(playwright, browser);
    }

    /// <summary>A fresh page (own cookies) with the given viewport.</summary>
    public async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await context.RouteAsync("https://passbroker.example/**", route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "image/svg+xml", Body = LogoSvg }));
        // Playwright's 30 s default was once too short in CI: the whole suite shares two cores with Chromium, and one
        // navigation through the emulator and the DevHost took longer. Waiting longer changes no assertion.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>The Content-Security-Policy violations Chromium reports on the page's console from now on.</summary>
    public static List<string> CspViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        return violations;
    }

    /// <summary>Saves a full-page screenshot as <c>TestResults/screenshots/{name}.png</c>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
