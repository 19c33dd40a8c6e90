using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Core.Devices;
using PassBroker.Core.Logout;
using PassBroker.Functions.Edge;
using PassBroker.Http;
using PassBroker.Http.Logout;

namespace PassBroker.Functions.Api;

// Device routes are Anonymous at the platform: the handler requires the device token (Authorization: Bearer).
internal sealed class LogoutFunctions(DeviceAuthenticator authenticator, LogoutService logout)
{
    [Function(nameof(Logout))]
    public Task<IActionResult> Logout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Logout)] HttpRequest request) =>
        LogoutApi.LogoutAsync(request, authenticator, logout, request.HttpContext.RequestAborted).AsActionResult();
}
