using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PassBroker.Http.Pages;

/// <summary>Where the browser lands after the MVPD login (the sessions' <c>redirectUrl</c>) or logout (the logout
/// <c>redirectUrl</c>): tells the user what happened and to go back to the TV.</summary>
public static class AuthnLandingPages
{
    private const string Template = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>@title</title>
        <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style></head>
        <body><main><h1>@heading</h1><p>@text</p></main></body>
        </html>
        """;

    private static readonly string SignedIn = Page("Signed in", "You're signed in", "Go back to your TV: it will continue by itself in a few seconds.");
    private static readonly string SignedOut = Page("Signed out", "You're signed out", "You can close this page. Your TV provider no longer plays on that TV.");

    public static IEndpointRouteBuilder MapAuthnLandingPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Routes.AuthnDone, SignedInPage).ExcludeFromDescription();
        routes.MapGet(Routes.AuthnSignedOut, SignedOutPage).ExcludeFromDescription();
        return routes;
    }

    /// <summary>Where the browser lands after the MVPD login (<c>SignIn:RedirectUrl</c>).</summary>
    public static IResult SignedInPage() => Html(SignedIn);

    /// <summary>Where the browser lands after an interactive MVPD logout (<c>SignIn:LogoutRedirectUrl</c>).</summary>
    public static IResult SignedOutPage() => Html(SignedOut);

    private static IResult Html(string page) => TypedResults.Content(page, "text/html; charset=utf-8");

    // The texts are constants of ours, so composing them needs no encoding.
    private static string Page(string title, string heading, string text) => Template
        .Replace("@title", title, StringComparison.Ordinal)
        .Replace("@heading", heading, StringComparison.Ordinal)
        .Replace("@text", text, StringComparison.Ordinal);
}
