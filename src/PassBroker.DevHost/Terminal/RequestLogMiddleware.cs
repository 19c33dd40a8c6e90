using System.Diagnostics;

namespace PassBroker.DevHost.Terminal;

/// <summary>
/// One console line per request, after it ends: method, route template, status, duration. ASP.NET Core's own request
/// logs are several lines each and name the path, which may hold a sign-in code; the template does not. DevHost only:
/// the Functions host logs each invocation itself.
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var took = Stopwatch.StartNew();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } template
                ? "/" + template.TrimStart('/')
                : "(no route)";
            logger.Request(context.Request.Method, route, context.Response.StatusCode, took.ElapsedMilliseconds);
        }
    }
}
