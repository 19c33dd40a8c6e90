using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Functions.Edge;
using PassBroker.Http;

namespace PassBroker.Functions.Api;

// Device routes are Anonymous at the platform: the handler requires the device token (Authorization: Bearer).
internal sealed class DecisionsFunctions(HttpSurface surface)
{
    [Function(nameof(Preauthorize))]
    public Task<IActionResult> Preauthorize(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Preauthorize)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.Preauthorize);

    [Function(nameof(Authorize))]
    public Task<IActionResult> Authorize(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Authorize)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.Authorize);
}
