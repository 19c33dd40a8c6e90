using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Common;

namespace PassBroker.Http.Health;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Routes.Health, GetAsync).WithName("Health").WithTags("Health")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    /// <summary>200 when every dependency answers, 503 otherwise; each check is named in the body.</summary>
    /// <remarks>For probes and load balancers; takes no credential, and the body names only which dependency fails.</remarks>
    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetAsync(
        IEnumerable<IReadinessCheck> checks, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, string>();
        foreach (var check in checks)
        {
            results[check.Name] = await IsReadyAsync(check, cancellationToken) ? "healthy" : "unhealthy";
        }
        var healthy = results.Values.All(v => v == "healthy");
        var response = new HealthResponse(healthy ? "healthy" : "unhealthy", results);
        return healthy ? TypedResults.Ok(response) : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> IsReadyAsync(IReadinessCheck check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            return await check.IsReadyAsync(timeout.Token);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A probe that throws or hangs is an unhealthy dependency, which is what this route reports.
            return false;
        }
    }
}
