using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Functions.Edge;
using PassBroker.Http;

namespace PassBroker.Functions.Api;

// Device routes are Anonymous at the platform: the handler requires the device token (Authorization: Bearer).
internal sealed class MvpdsFunctions(HttpSurface surface)
{
    [Function(nameof(GetMvpds))]
    public Task<IActionResult> GetMvpds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Mvpds)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.Mvpds);
}
