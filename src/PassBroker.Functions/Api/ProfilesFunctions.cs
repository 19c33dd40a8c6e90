using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Functions.Edge;
using PassBroker.Http;

namespace PassBroker.Functions.Api;

// Device routes are Anonymous at the platform: the handler requires the device token (Authorization: Bearer).
internal sealed class ProfilesFunctions(HttpSurface surface)
{
    [Function(nameof(GetProfiles))]
    public Task<IActionResult> GetProfiles(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Profiles)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.Profiles);
}
