using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PassBroker.Browser.Tests.SampleTv;

/// <summary>
/// What a page wrote to its console. <see cref="Problems"/> are what a person would call one: errors and warnings (a
/// CSP violation is one: Chromium reports "Refused to … because it violates the following Content Security Policy
/// directive") and uncaught exceptions. Error answers to the page's own requests are kept apart in
/// <see cref="HttpErrors"/>: a test makes some on purpose and says which it expects.
/// </summary>
internal sealed partial class PageConsole
{
    private readonly List<string> _problems = [];
    private readonly List<int> _httpErrors = [];

    public IReadOnlyList<string> Problems => Copy(_problems);

    /// <summary>The statuses of the page's requests that Chromium reported as failed, in order.</summary>
    public IReadOnlyList<int> HttpErrors => Copy(_httpErrors);

    public static PageConsole Watch(IPage page)
    {
        var console = new PageConsole();
        page.Console += (_, message) =>
        {
            if (FailedLoad().Match(message.Text) is { Success: true } failed)
            {
                console.Add(console._httpErrors, int.Parse(failed.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (message.Type is "error" or "warning" || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                console.Add(console._problems, $"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => console.Add(console._problems, "uncaught: " + error);
        return console;
    }

    private void Add<T>(List<T> list, T item)
    {
        lock (_problems)
        {
            list.Add(item);
        }
    }

    private List<T> Copy<T>(List<T> list)
    {
        lock (_problems)
        {
            return [.. list];
        }
    }

    [GeneratedRegex("^Failed to load resource: the server responded with a status of (?<status>[0-9]{3})")]
    private static partial Regex FailedLoad();
}
