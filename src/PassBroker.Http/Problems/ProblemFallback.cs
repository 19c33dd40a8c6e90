using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;

namespace PassBroker.Http.Problems;

/// <summary>
/// The last line of both hosts (the DevHost's exception handler, the Functions app's middleware), so they answer and
/// log alike: a known failure becomes its Problem Details (<see cref="ProblemMapper"/>) and, when it is a dependency's,
/// a warning; anything else an error log line and a 500 that says nothing of the cause.
/// </summary>
public static class ProblemFallback
{
    /// <returns>The answer, or null when the client left: nobody is there to read one.</returns>
    /// <param name="exception">What reached the host.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="logger">The host's logger.</param>
    /// <param name="where">The route or function, for the log.</param>
    public static PassBrokerException? Resolve(Exception exception, HttpContext httpContext, ILogger logger, string? where)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return null;
        }

        var problem = ProblemMapper.Map(exception);
        if (problem is null)
        {
            logger.UnhandledException(exception, where);
            return new PassBrokerException(500, ErrorCodes.InternalError, "Something went wrong on our side.", "The failure has been logged.");
        }
        if (problem.Status >= 500)
        {
            logger.DependencyFailed(problem.Code, problem.Status, exception.GetType().Name, exception.Message);
        }
        return problem;
    }
}
