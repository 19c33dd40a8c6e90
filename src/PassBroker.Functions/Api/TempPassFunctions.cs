using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Core.Devices;
using PassBroker.Core.TempPass;
using PassBroker.Functions.Edge;
using PassBroker.Http;
using PassBroker.Http.TempPass;

namespace PassBroker.Functions.Api;

// Device routes are Anonymous at the platform: the handler requires the device token (Authorization: Bearer).
internal sealed class TempPassFunctions(DeviceAuthenticator authenticator, TempPassService tempPass)
{
    [Function(nameof(StartTempPass))]
    public Task<IActionResult> StartTempPass(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.TempPass)] HttpRequest request) =>
        TempPassApi.StartAsync(request, authenticator, tempPass, request.HttpContext.RequestAborted).AsActionResult();

    // ?kind= is read as the DevHost's minimal API binds it: absent is null.
    [Function(nameof(GetTempPass))]
    public Task<IActionResult> GetTempPass(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.TempPass)] HttpRequest request) =>
        TempPassApi.GetAsync(request, request.Query["kind"], authenticator, tempPass, request.HttpContext.RequestAborted).AsActionResult();
}
