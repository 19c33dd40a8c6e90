using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Core.Decisions;
using PassBroker.Core.Devices;
using PassBroker.Functions.Edge;
using PassBroker.Http;
using PassBroker.Http.Decisions;

namespace PassBroker.Functions.Api;

// Device routes are Anonymous at the platform: the handler requires the device token (Authorization: Bearer).
internal sealed class DecisionsFunctions(
    DeviceAuthenticator authenticator, PreauthorizationService preauthorization, AuthorizationService authorization)
{
    [Function(nameof(Preauthorize))]
    public Task<IActionResult> Preauthorize(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Preauthorize)] HttpRequest request) =>
        DecisionsApi.PreauthorizeAsync(request, authenticator, preauthorization, request.HttpContext.RequestAborted).AsActionResult();

    [Function(nameof(Authorize))]
    public Task<IActionResult> Authorize(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Authorize)] HttpRequest request) =>
        DecisionsApi.AuthorizeAsync(request, authenticator, authorization, request.HttpContext.RequestAborted).AsActionResult();
}
