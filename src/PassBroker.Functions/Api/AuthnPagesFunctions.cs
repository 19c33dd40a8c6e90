using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Functions.Edge;
using PassBroker.Http;

namespace PassBroker.Functions.Api;

// Anonymous: the user's browser lands here after the MVPD login or logout; the pages are static texts.
internal sealed class AuthnPagesFunctions(HttpSurface surface)
{
    [Function(nameof(AuthnDone))]
    public Task<IActionResult> AuthnDone(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AuthnDone)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.AuthnDone);

    [Function(nameof(AuthnSignedOut))]
    public Task<IActionResult> AuthnSignedOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AuthnSignedOut)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.AuthnSignedOut);
}
