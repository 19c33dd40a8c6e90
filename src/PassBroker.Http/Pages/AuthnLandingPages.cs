using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PassBroker.Http.Pages.Branding;

namespace PassBroker.Http.Pages;

/// <summary>Where the browser lands after the MVPD login (the sessions' <c>redirectUrl</c>) or logout (the logout
/// <c>redirectUrl</c>): tells the user what happened and to go back to the TV.</summary>
public static class AuthnLandingPages
{

    public static IEndpointRouteBuilder MapAuthnLandingPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Routes.AuthnDone, SignedInPage).ExcludeFromDescription();
        routes.MapGet(Routes.AuthnSignedOut, SignedOutPage).ExcludeFromDescription();
        return routes;
    }

    /// <summary>Where the browser lands after the MVPD login (<c>SignIn:RedirectUrl</c>; a brand's may add <c>?brand=</c>
    /// for its look).</summary>
    public static IResult SignedInPage(HttpRequest request, BrandLooks looks) => HtmlPage.Result(AuthnPages.Message(looks.ForRequest(request),
        "Signed in", "You're signed in", "Go back to your TV: it continues by itself in a few seconds. You can close this page."));

    /// <summary>Where the browser lands after an interactive MVPD logout (<c>SignIn:LogoutRedirectUrl</c>, likewise).</summary>
    public static IResult SignedOutPage(HttpRequest request, BrandLooks looks) => HtmlPage.Result(AuthnPages.Message(looks.ForRequest(request),
        "Signed out", "You're signed out", "You can close this page. Your TV provider no longer plays on that TV."));
}
