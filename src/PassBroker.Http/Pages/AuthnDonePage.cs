using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PassBroker.Http.Pages;

/// <summary>Where the browser lands after the MVPD login (the sessions' <c>redirectUrl</c>): tells the user to go back to the TV.</summary>
public static class AuthnDonePage
{
    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Signed in</title>
        <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style></head>
        <body><main><h1>You're signed in</h1><p>Go back to your TV: it will continue by itself in a few seconds.</p></main></body>
        </html>
        """;

    public static IEndpointRouteBuilder MapAuthnDone(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Routes.AuthnDone, Get).ExcludeFromDescription();
        return routes;
    }

    public static IResult Get() => TypedResults.Content(Html, "text/html; charset=utf-8");
}
