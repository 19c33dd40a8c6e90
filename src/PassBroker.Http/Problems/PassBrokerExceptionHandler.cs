using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PassBroker.Http.Problems;

/// <summary>The DevHost's last line (<see cref="ProblemFallback"/>): known failures become their Problem Details, anything else a logged 500.</summary>
internal sealed class PassBrokerExceptionHandler(ILogger<PassBrokerExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ProblemFallback.Resolve(exception, httpContext, logger, $"{httpContext.Request.Method} {httpContext.GetEndpoint()?.DisplayName}");
        if (problem is not null)
        {
            httpContext.Response.StatusCode = problem.Status;
            await ProblemResults.From(problem, httpContext).ExecuteAsync(httpContext);
        }
        return true;
    }
}
