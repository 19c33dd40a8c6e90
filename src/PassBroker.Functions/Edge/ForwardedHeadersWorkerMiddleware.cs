using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PassBroker.Functions.Edge;

/// <summary>
/// Applies <c>X-Forwarded-For</c> to the request's connection, as the DevHost's <c>UseForwardedHeaders()</c> does, with
/// the same <see cref="ForwardedHeadersOptions"/> (configured by <c>AddPassBrokerHttp</c> from the <c>Http</c> section).
/// The worker's ASP.NET Core pipeline is not ours to configure, so ASP.NET Core's own forwarder runs here, before the
/// function: PassBroker.Http reads the device's IP and port from the connection.
/// </summary>
internal sealed class ForwardedHeadersWorkerMiddleware(ILoggerFactory loggerFactory, IOptions<ForwardedHeadersOptions> options)
    : IFunctionsWorkerMiddleware
{
    private readonly ForwardedHeadersMiddleware _forwarder = new(_ => Task.CompletedTask, loggerFactory, options);

    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } httpContext)
        {
            _forwarder.ApplyForwarders(httpContext);
        }
        return next(context);
    }
}
