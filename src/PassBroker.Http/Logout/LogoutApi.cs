using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.Logout;
using PassBroker.Http.Edge;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Logout;

public static class LogoutApi
{
    public static IEndpointRouteBuilder MapLogout(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Routes.Logout, LogoutAsync).WithName("Logout").WithTags("Authentication")
            .RequiresDeviceToken()
            .JsonBody<LogoutRequest>(optional: true)
            .Problems(StatusCodes.Status400BadRequest, ErrorCodes.UnknownMvpd)
            .CallsAdobePass();
        return routes;
    }

    /// <summary>Signs the user out (only ever on the user's request); empty <c>logouts</c> when there was no profile.</summary>
    /// <remarks>Per MVPD: <c>logout</c>/<c>interactive</c> means open <c>url</c> in a browser; <c>complete</c>/<c>none</c> means done;
    /// <c>invalid</c> means there was no profile for it. The device's cached profiles and decisions are dropped.</remarks>
    public static async Task<Ok<LogoutResponse>> LogoutAsync(
        HttpRequest request, DeviceAuthenticator authenticator, LogoutService logout, CancellationToken cancellationToken)
    {
        var device = await authenticator.RequireDeviceAsync(request, cancellationToken);
        var body = await JsonBody.ReadOptionalAsync(request, new LogoutRequest(null), cancellationToken);
        var actions = await logout.LogoutAsync(device, ClientEndpoints.From(request.HttpContext), body.Mvpd, cancellationToken);
        return TypedResults.Ok(new LogoutResponse(actions.Select(a => new LogoutActionResponse(a.Mvpd, a.ActionName, a.ActionType, a.Url)).ToList()));
    }
}
