using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Functions.Edge;
using PassBroker.Http;

namespace PassBroker.Functions.Api;

internal sealed class HealthFunctions(HttpSurface surface)
{
    // Anonymous: probes carry no credentials, and the answer names only which dependency fails.
    [Function(nameof(Health))]
    public Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.Health);
}
