using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace PassBroker.Testing.Hosting;

/// <summary>Does what a person's browser does with a login URL: follows Adobe's redirect to the MVPD form and submits it.</summary>
public static partial class BrowserLogin
{
    /// <returns>Where the browser ends up after the login (the sessions' redirectUrl).</returns>
    public static async Task<Uri> SignInAsync(string loginUrl, string username, string password)
    {
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true });
        var start = await browser.GetAsync(loginUrl);
        Assert.Equal(HttpStatusCode.Found, start.StatusCode);
        var formUrl = new Uri(new Uri(loginUrl), start.Headers.Location!);

        var page = await browser.GetStringAsync(formUrl);
        var action = FormAction().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : formUrl.PathAndQuery;
        var fields = HiddenField().Matches(page).ToDictionary(f => f.Groups[1].Value, f => WebUtility.HtmlDecode(f.Groups[2].Value));
        fields["username"] = username;
        fields["password"] = password;

        var submitted = await browser.PostAsync(new Uri(formUrl, action), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Found, submitted.StatusCode);
        return submitted.Headers.Location!;
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenField();
}
