using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;
using PassBroker.Core.Profiles;
using PassBroker.Core.Sessions;
using PassBroker.Functions.Edge;
using PassBroker.Functions.Workflow;
using PassBroker.Http;
using PassBroker.Http.Pages;
using PassBroker.Http.Sessions;

namespace PassBroker.Functions.Api;

// Device routes are Anonymous at the platform: the handler requires the device token (Authorization: Bearer).
internal sealed class SessionsFunctions(
    DeviceAuthenticator authenticator,
    SignInService signIns,
    UserMetadataDecryption metadata,
    IOptions<SecondScreenOptions> secondScreen,
    DurableClientHolder durable)
{
    /// <summary>Starts a sign-in; <see cref="SignInService"/> starts its polling orchestration through the
    /// <see cref="DurableWorkflowStarter"/>, which uses this invocation's Durable client binding.</summary>
    [Function(nameof(StartSignIn))]
    public Task<IActionResult> StartSignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Sessions)] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        durable.Client = client;
        return SessionsApi.StartAsync(request, authenticator, signIns, secondScreen, request.HttpContext.RequestAborted).AsActionResult();
    }

    [Function(nameof(GetSignIn))]
    public Task<IActionResult> GetSignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Session)] HttpRequest request, string code) =>
        SessionsApi.GetAsync(request, code, authenticator, signIns, metadata, request.HttpContext.RequestAborted).AsActionResult();
}
