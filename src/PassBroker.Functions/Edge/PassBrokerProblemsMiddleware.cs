using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;
using PassBroker.Http.Problems;

namespace PassBroker.Functions.Edge;

/// <summary>
/// The Functions app's last line for HTTP functions, answering as the DevHost's exception handler does: known failures
/// become their Problem Details (<see cref="ProblemMapper"/>, the table both hosts share), anything else a logged 500.
/// Other triggers (orchestrator, activities) rethrow: Durable records the failure and the orchestrator handles it.
/// </summary>
internal sealed class PassBrokerProblemsMiddleware(ILogger<PassBrokerProblemsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is not null)
        {
            var httpContext = context.GetHttpContext()!;
            if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
            {
                return; // The client left; nobody is there to read an answer.
            }

            var problem = ProblemMapper.Map(exception);
            if (problem is null)
            {
                logger.UnhandledException(exception, context.FunctionDefinition.Name);
                problem = new PassBrokerException(500, ErrorCodes.InternalError, "Something went wrong on our side.", "The failure has been logged.");
            }
            else if (problem.Status >= 500)
            {
                logger.DependencyFailed(problem.Code, problem.Status, exception.GetType().Name, exception.Message);
            }

            // The ASP.NET Core integration executes an IActionResult left as the invocation's result.
            httpContext.Response.StatusCode = problem.Status;
            context.GetInvocationResult().Value = ProblemResults.From(problem, httpContext).AsActionResult();
        }
    }
}
