using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Functions.Edge;
using PassBroker.Http;

namespace PassBroker.Functions.Api;

// Anonymous: the second-screen page is opened by a person's browser, with no credential at all. The handler limits code
// entry per client IP and refuses cross-site posts; a code is only ever checked against Adobe.
internal sealed class AuthnAppFunctions(HttpSurface surface)
{
    [Function(nameof(AuthnForm))]
    public Task<IActionResult> AuthnForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Authn)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.Authn);

    [Function(nameof(AuthnEnterCode))]
    public Task<IActionResult> AuthnEnterCode(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Authn)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.Authn);

    [Function(nameof(AuthnChooseProvider))]
    public Task<IActionResult> AuthnChooseProvider(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AuthnProvider)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.AuthnProvider);

    [Function(nameof(AuthnStylesheet))]
    public Task<IActionResult> AuthnStylesheet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AuthnStylesheet)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.AuthnStylesheet);
}
