using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PassBroker.Http.Telemetry;

/// <summary>Opens the <see cref="RequestLogScope"/> around everything the request logs.</summary>
internal sealed class RequestLogScopeMiddleware(RequestDelegate next, ILogger<RequestLogScopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (RequestLogScope.Begin(context, logger))
        {
            await next(context);
        }
    }
}
