using PassBroker.Core.Upstream;
using PassBroker.Http.Pages.Branding;

namespace PassBroker.Http.Pages;

/// <summary>The second-screen pages' HTML. Every value that did not come from us is encoded.</summary>
internal static class AuthnPages
{
    public const string InvalidCodeMessage =
        "We couldn't use that code. Check it against the code on your TV and try again. If it still doesn't work, the code " +
        "may have expired: start signing in again on your TV to get a new one.";

    /// <param name="look">The brand's look (and the brand the form's action then names).</param>
    /// <param name="code">What to prefill (the typed code after an error, or the <c>?code=</c> of a QR code).</param>
    /// <param name="error">The error to announce, if any.</param>
    public static string CodeForm(BrandLook look, string? code, string? error)
    {
        var describedBy = error is null ? "code-help" : "code-help code-error";
        var invalid = error is null ? "" : " aria-invalid=\"true\"";
        return HtmlPage.Render(look, error is null ? "Enter your code" : "Check your code", $"""
            <h1>Sign in on your TV</h1>
            <p id="code-help" class="hint">Enter the code shown on your TV. Next, you pick your TV provider and sign in with your provider account.</p>
            {Alert("code-error", error)}
            <form method="post" action="{HtmlPage.Encode(look.CodePageHref)}">
            <label for="code">Code from your TV</label>
            <input id="code" name="code" type="text" required maxlength="40" autocomplete="one-time-code" autocapitalize="characters"
              autocorrect="off" spellcheck="false" value="{HtmlPage.Encode(code)}" aria-describedby="{describedBy}"{invalid} autofocus>
            <button type="submit">Continue</button>
            </form>
            """);
    }

    public static string Picker(BrandLook look, string code, IReadOnlyList<Mvpd> mvpds, AuthnPagePolicy policy, string? error)
    {
        var items = string.Concat(mvpds.Select(m => $"""
            <li><button type="submit" name="mvpd" value="{HtmlPage.Encode(m.Id)}">{Logo(m, policy)}<span>{HtmlPage.Encode(m.DisplayName)}</span></button></li>
            """));
        var list = mvpds.Count == 0
            ? "<p>No TV providers are available right now. Please try again later.</p>"
            : $"""<ul class="providers">{items}</ul>""";
        return HtmlPage.Render(look, "Choose your TV provider", $"""
            <h1>Choose your TV provider</h1>
            <p class="hint">Signing in the TV that shows code <span class="code">{HtmlPage.Encode(code)}</span>.</p>
            {Alert("provider-error", error)}
            <form method="post" action="{HtmlPage.Encode(look.Href(Routes.AuthnProvider))}">
            <input type="hidden" name="code" value="{HtmlPage.Encode(code)}">
            <fieldset><legend>Your TV provider</legend>
            {list}
            </fieldset>
            </form>
            <p><a href="{HtmlPage.Encode(look.CodePageHref)}">Use a different code</a></p>
            """);
    }

    /// <summary>
    /// The step from our form to Adobe's authenticate URL: a page of ours that moves on at once (and a link, should the
    /// browser not), rather than a redirect answering the form, which <c>form-action 'self'</c> would block
    /// (<see cref="AuthnPagePolicy"/>).
    /// </summary>
    public static string Continue(BrandLook look, string authenticateUrl)
    {
        if (!Uri.TryCreate(authenticateUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return Message(look, "Try again soon", "We can't sign you in right now",
                "Your TV provider's sign-in page isn't available. Please try again in a minute.", tryAgainLink: true);
        }
        var target = HtmlPage.Encode(url.AbsoluteUri);
        return HtmlPage.Render(look, "Continue to your TV provider", $"""
            <h1>Continue to your TV provider</h1>
            <p role="status">Taking you to your TV provider's sign-in page.</p>
            <p><a class="button" href="{target}">Continue</a></p>
            """, head: $"""<meta http-equiv="refresh" content="0; url={target}">""");
    }

    public static string Message(BrandLook look, string title, string heading, string text, bool tryAgainLink = false) => HtmlPage.Render(look, title, $"""
        <h1>{HtmlPage.Encode(heading)}</h1>
        <p role="status">{HtmlPage.Encode(text)}</p>
        {(tryAgainLink ? $"""<p><a class="button" href="{HtmlPage.Encode(look.CodePageHref)}">Try again</a></p>""" : "")}
        """);

    // role="alert" makes screen readers announce the error; the field points at it with aria-describedby.
    private static string Alert(string id, string? error) =>
        error is null ? "" : $"""<p id="{id}" class="error" role="alert">{HtmlPage.Encode(error)}</p>""";

    // Decorative: the button's text names the provider, so the logo has an empty alt. Only https logos from the hosts
    // the page's policy allows: another would be blocked, an empty frame in the button.
    private static string Logo(Mvpd mvpd, AuthnPagePolicy policy) =>
        Uri.TryCreate(mvpd.LogoUrl, UriKind.Absolute, out var logo) && policy.AllowsLogo(logo)
            ? $"""<img src="{HtmlPage.Encode(logo.AbsoluteUri)}" alt="" width="48" height="48">"""
            : "";
}
