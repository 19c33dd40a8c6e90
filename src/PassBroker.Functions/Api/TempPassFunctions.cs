using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Functions.Edge;
using PassBroker.Http;

namespace PassBroker.Functions.Api;

// Device routes are Anonymous at the platform: the handler requires the device token (Authorization: Bearer).
internal sealed class TempPassFunctions(HttpSurface surface)
{
    [Function(nameof(StartTempPass))]
    public Task<IActionResult> StartTempPass(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.TempPass)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.TempPass);

    [Function(nameof(GetTempPass))]
    public Task<IActionResult> GetTempPass(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.TempPass)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.TempPass);
}
