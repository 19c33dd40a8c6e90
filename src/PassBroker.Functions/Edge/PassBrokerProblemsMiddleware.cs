using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using PassBroker.Http.Problems;

namespace PassBroker.Functions.Edge;

/// <summary>
/// The Functions app's last line for HTTP functions, answering and logging as the DevHost's exception handler does
/// (<see cref="ProblemFallback"/>, which both hosts share): known failures become their Problem Details, anything else
/// a logged 500.
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
            var problem = ProblemFallback.Resolve(exception, httpContext, logger, context.FunctionDefinition.Name);
            if (problem is null)
            {
                return;
            }

            // The ASP.NET Core integration executes an IActionResult left as the invocation's result.
            httpContext.Response.StatusCode = problem.Status;
            context.GetInvocationResult().Value = ProblemResults.From(problem, httpContext).AsActionResult();
        }
    }
}
