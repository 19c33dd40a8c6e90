using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace PassBroker.Http.Edge;

/// <summary>
/// <c>Cache-Control: no-store</c> on every answer of the API (<c>/api/…</c>), errors included: each is for its caller alone
/// (a device's profiles, sign-in status and code, Temp Pass state, logout URLs, decisions and media tokens, a new device
/// token, an operator's results), so no cache on the way, shared or the app's own, may keep a copy. A route that
/// wants caching sets its own <c>Cache-Control</c>, which is left alone. The second-screen pages set theirs (<c>HtmlPage</c>).
/// </summary>
internal static class NoStoreMiddleware
{
    private const string NoStore = "no-store";

    public static IApplicationBuilder UsePassBrokerNoStore(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            var response = context.Response;
            response.Headers[HeaderNames.CacheControl] = NoStore;
            // The exception handler clears the headers before it writes Problem Details, and as the answer starts puts
            // its own "no-cache,no-store", Pragma and Expires: this runs after it (starting callbacks run last-added
            // first), so an error says what every other answer says. Otherwise the two hosts differed where the same
            // refusal is thrown in one (the Functions app's 415) and answered by the status-code pages in the other.
            response.OnStarting(() =>
            {
                if (context.Features.Get<IExceptionHandlerFeature>() is not null)
                {
                    response.Headers.Remove(HeaderNames.Pragma);
                    response.Headers.Remove(HeaderNames.Expires);
                    response.Headers[HeaderNames.CacheControl] = NoStore;
                }
                else if (!response.Headers.ContainsKey(HeaderNames.CacheControl))
                {
                    response.Headers[HeaderNames.CacheControl] = NoStore;
                }
                return Task.CompletedTask;
            });
        }
        return next(context);
    });
}
