using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PassBroker.Core.SecondScreen;
using PassBroker.Functions.Edge;
using PassBroker.Http;
using PassBroker.Http.Pages;

namespace PassBroker.Functions.Api;

// Anonymous: the second-screen page is opened by a person's browser, with no credential at all. The handler limits code
// entry per client IP and refuses cross-site posts; a code is only ever checked against Adobe.
internal sealed class AuthnAppFunctions(SecondScreenService secondScreen, CodeEntryLimiter limiter, ILoggerFactory logs)
{
    [Function(nameof(AuthnForm))]
    public static IActionResult AuthnForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Authn)] HttpRequest request) =>
        AuthnApi.Show(request).AsActionResult();

    [Function(nameof(AuthnEnterCode))]
    public Task<IActionResult> AuthnEnterCode(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Authn)] HttpRequest request) =>
        AuthnApi.EnterCodeAsync(request, secondScreen, limiter, logs).AsActionResult();

    [Function(nameof(AuthnChooseProvider))]
    public Task<IActionResult> AuthnChooseProvider(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AuthnProvider)] HttpRequest request) =>
        AuthnApi.ChooseProviderAsync(request, secondScreen, limiter, logs).AsActionResult();

    [Function(nameof(AuthnStylesheet))]
    public static IActionResult AuthnStylesheet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AuthnStylesheet)] HttpRequest request) =>
        AuthnApi.Stylesheet().AsActionResult();
}
