using Microsoft.Playwright;
using PassBroker.Browser.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;
using Xunit.Abstractions;

namespace PassBroker.Browser.Tests.Observability;

/// <summary>
/// The DevHost's API reference (<c>/docs/</c>, Scalar) in a real Chromium: it renders PassBroker's document under its
/// own strict Content-Security-Policy, connects to nothing but this origin, and offers nothing that sends the document
/// to a third party. A screenshot goes to <c>TestResults/screenshots</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiReferenceBrowserTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;
    private ChromiumBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _app = await PassBrokerApplication.StartAsync(azurite);
        _browser = await ChromiumBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ReferencePage_RendersUnderItsOwnPolicy_WithoutThirdPartiesOrViolations()
    {
        var page = await _browser.NewPageAsync(1440, 900);
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != _app.DevHost.BaseAddress.Authority)
            {
                elsewhere.Add(request.Url);
            }
        };

        var response = await page.GotoAsync(new Uri(_app.DevHost.BaseAddress, "/docs/").ToString());

        // The document renders: its title and its operations. (Generous: the bundle is large and CI's cores are shared.)
        var rendered = new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 };
        try
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "PassBroker", Exact = true })).ToBeVisibleAsync(rendered);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Registers the device" })).ToBeVisibleAsync(rendered);
        }
        finally
        {
            await ChromiumBrowser.ScreenshotAsync(page, "docs-reference-wide");
            output.WriteLine(string.Join("\n", console));
        }
        // What the page offers: the labels of its buttons and links (a response's button starts with its status instead).
        var offers = await page.Locator("button, a").EvaluateAllAsync<string[]>(
            "controls => controls.flatMap(c => [c.getAttribute('aria-label') ?? '', c.innerText]).map(t => t.trim())");
        var policy = await response!.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9_-]{16,}'", policy);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("https:", policy, StringComparison.Ordinal);
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(elsewhere);
        // The developer toolbar (share, deploy, SDK generation), the AI agent and MCP: all hand the document to Scalar's services.
        foreach (var offer in new[] { "Share", "Deploy", "Generate", "SDK", "Ask AI", "Agent", "MCP", "Open in", "Open API Client", "Developer Tools", "Configure" })
        {
            Assert.DoesNotContain(offers, o => o.StartsWith(offer, StringComparison.OrdinalIgnoreCase));
        }
        // Links out are Scalar's credit at most: none hands this document's address to anyone.
        var links = await page.Locator("a[href^='http']").EvaluateAllAsync<string[]>("links => links.map(l => l.href)");
        var document = Uri.EscapeDataString(_app.DevHost.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.All(links, href => Assert.DoesNotContain(document, href, StringComparison.OrdinalIgnoreCase));
        Assert.All(links.Where(href => !href.StartsWith(_app.DevHost.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)),
            href => Assert.StartsWith("https://scalar.com/?", href, StringComparison.Ordinal));
    }
}
