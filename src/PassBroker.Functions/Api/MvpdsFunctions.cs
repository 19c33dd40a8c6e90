using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Core.Devices;
using PassBroker.Core.Mvpds;
using PassBroker.Functions.Edge;
using PassBroker.Http;
using PassBroker.Http.Mvpds;

namespace PassBroker.Functions.Api;

// Device routes are Anonymous at the platform: the handler requires the device token (Authorization: Bearer).
internal sealed class MvpdsFunctions(DeviceAuthenticator authenticator, MvpdCatalog catalog)
{
    [Function(nameof(GetMvpds))]
    public Task<IActionResult> GetMvpds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Mvpds)] HttpRequest request) =>
        MvpdsApi.GetAsync(request, authenticator, catalog, request.HttpContext.RequestAborted).AsActionResult();
}
