using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using PassBroker.Http.Telemetry;

namespace PassBroker.Functions.Edge;

/// <summary>
/// The per-request log scope of the DevHost's <c>UsePassBrokerLogScope</c> (the device key once it is known), for
/// HTTP functions: the worker's ASP.NET Core pipeline is not ours to configure, so the scope opens here.
/// </summary>
internal sealed class RequestLogScopeWorkerMiddleware(ILogger<RequestLogScopeWorkerMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } httpContext)
        {
            await next(context);
            return;
        }
        using (RequestLogScope.Begin(httpContext, logger))
        {
            await next(context);
        }
    }
}
