using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;

namespace PassBroker.Http.Problems;

/// <summary>The DevHost's last line: known failures become their Problem Details, anything else a logged 500.</summary>
internal sealed class PassBrokerExceptionHandler(ILogger<PassBrokerExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // The client left; nobody is there to read an answer.
        }

        var problem = ProblemMapper.Map(exception);
        if (problem is null)
        {
            logger.UnhandledException(exception, httpContext.Request.Method, httpContext.GetEndpoint()?.DisplayName);
            problem = new PassBrokerException(500, ErrorCodes.InternalError, "Something went wrong on our side.", "The failure has been logged.");
        }
        else if (problem.Status >= 500)
        {
            logger.DependencyFailed(problem.Code, problem.Status, exception.GetType().Name, exception.Message);
        }

        httpContext.Response.StatusCode = problem.Status;
        await ProblemResults.From(problem, httpContext).ExecuteAsync(httpContext);
        return true;
    }
}
