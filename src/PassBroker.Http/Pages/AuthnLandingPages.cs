using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PassBroker.Http.Pages;

/// <summary>Where the browser lands after the MVPD login (the sessions' <c>redirectUrl</c>) or logout (the logout
/// <c>redirectUrl</c>): tells the user what happened and to go back to the TV.</summary>
public static class AuthnLandingPages
{
    private static readonly string SignedIn = AuthnPages.Message("Signed in", "You're signed in",
        "Go back to your TV: it continues by itself in a few seconds. You can close this page.");

    private static readonly string SignedOut = AuthnPages.Message("Signed out", "You're signed out",
        "You can close this page. Your TV provider no longer plays on that TV.");

    public static IEndpointRouteBuilder MapAuthnLandingPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Routes.AuthnDone, SignedInPage).ExcludeFromDescription();
        routes.MapGet(Routes.AuthnSignedOut, SignedOutPage).ExcludeFromDescription();
        return routes;
    }

    /// <summary>Where the browser lands after the MVPD login (<c>SignIn:RedirectUrl</c>).</summary>
    public static IResult SignedInPage() => HtmlPage.Result(SignedIn);

    /// <summary>Where the browser lands after an interactive MVPD logout (<c>SignIn:LogoutRedirectUrl</c>).</summary>
    public static IResult SignedOutPage() => HtmlPage.Result(SignedOut);
}
