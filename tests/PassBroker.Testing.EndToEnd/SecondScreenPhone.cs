using System.Net;
using System.Text.RegularExpressions;

namespace PassBroker.Testing.EndToEnd;

/// <summary>What a phone does on the second-screen page, over plain HTTP.</summary>
public static partial class SecondScreenPhone
{
    /// <summary>
    /// Picks the provider for the code on <c>/authn/provider</c> and returns where the page hands the browser on to:
    /// Adobe's authenticate URL (a page with a link and a meta refresh, since the pages' <c>form-action 'self'</c>
    /// would stop a redirect).
    /// </summary>
    public static async Task<string> PickProviderAsync(HttpClient phone, string code, string mvpd)
    {
        var picked = await phone.PostAsync("/authn/provider", new FormUrlEncodedContent(
            [KeyValuePair.Create("code", code), KeyValuePair.Create("mvpd", mvpd)]));
        var page = await picked.Content.ReadAsStringAsync();
        Assert.True(picked.StatusCode == HttpStatusCode.OK, $"/authn/provider answered {(int)picked.StatusCode}: {page}");
        return WebUtility.HtmlDecode(ContinueLink().Match(page).Groups["url"].Value);
    }

    [GeneratedRegex("""<a class="button" href="(?<url>[^"]+)">Continue</a>""")]
    private static partial Regex ContinueLink();
}
