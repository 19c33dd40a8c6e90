using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PassBroker.Functions.Edge;
using PassBroker.Functions.Workflow;
using PassBroker.Http;

namespace PassBroker.Functions.Api;

// Device routes are Anonymous at the platform: the handler requires the device token (Authorization: Bearer).
internal sealed class SessionsFunctions(HttpSurface surface, DurableClientHolder durable)
{
    /// <summary>Starts a sign-in; <c>SignInService</c> starts its polling orchestration through the
    /// <see cref="DurableWorkflowStarter"/>, which uses this invocation's Durable client binding.</summary>
    [Function(nameof(StartSignIn))]
    public Task<IActionResult> StartSignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Sessions)] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        durable.Client = client;
        return surface.ServeAsync(request, Routes.Sessions);
    }

    [Function(nameof(GetSignIn))]
    public Task<IActionResult> GetSignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Session)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.Session);
}
