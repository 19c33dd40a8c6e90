using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;

namespace PassBroker.Http.Problems;

/// <summary>
/// The last line of both hosts (the Functions app runs the DevHost's middleware too): a known failure becomes its
/// Problem Details (<see cref="ProblemMapper"/>) and, when it is a dependency's, a warning; anything else an error log
/// line and a 500 that says nothing of the cause.
/// </summary>
internal sealed class PassBrokerExceptionHandler(ILogger<PassBrokerExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client left: nobody is there to read an answer.
            return true;
        }

        var problem = ProblemMapper.Map(exception);
        if (problem is null)
        {
            // The middleware has cleared the endpoint by now; its feature keeps the one that failed, for the log.
            var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
            logger.UnhandledException(exception, $"{httpContext.Request.Method} {endpoint?.DisplayName}");
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
