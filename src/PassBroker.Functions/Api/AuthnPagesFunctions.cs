using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Functions.Edge;
using PassBroker.Http;
using PassBroker.Http.Pages;

namespace PassBroker.Functions.Api;

// Anonymous: the user's browser lands here after the MVPD login or logout; the pages are static texts.
internal static class AuthnPagesFunctions
{
    [Function(nameof(AuthnDone))]
    public static IActionResult AuthnDone(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AuthnDone)] HttpRequest request) =>
        AuthnLandingPages.SignedInPage().AsActionResult();

    [Function(nameof(AuthnSignedOut))]
    public static IActionResult AuthnSignedOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AuthnSignedOut)] HttpRequest request) =>
        AuthnLandingPages.SignedOutPage().AsActionResult();
}
