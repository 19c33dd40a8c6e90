using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Core.Common;
using PassBroker.Functions.Edge;
using PassBroker.Http;
using PassBroker.Http.Health;

namespace PassBroker.Functions.Api;

internal sealed class HealthFunctions(IEnumerable<IReadinessCheck> checks)
{
    // Anonymous: probes carry no credentials, and the answer names only which dependency fails.
    [Function(nameof(Health))]
    public Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request) =>
        HealthApi.GetAsync(checks, request.HttpContext.RequestAborted).AsActionResult();
}
