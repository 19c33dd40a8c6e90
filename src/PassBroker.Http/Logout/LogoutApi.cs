using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Errors;
using PassBroker.Core.Logout;
using PassBroker.Http.Binding;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Logout;

public static class LogoutApi
{
    /// <param name="api">The device API's group (<see cref="DeviceApi"/>).</param>
    public static IEndpointRouteBuilder MapLogout(this IEndpointRouteBuilder api)
    {
        api.MapPost(DeviceApi.Below(Routes.Logout), LogoutAsync).WithName("Logout").WithTags("Authentication")
            .Problems(StatusCodes.Status400BadRequest, ErrorCodes.UnknownMvpd)
            .CallsAdobePass();
        return api;
    }

    /// <summary>Signs the user out (only ever on the user's request); empty <c>logouts</c> when there was no profile.</summary>
    /// <remarks>Per MVPD: <c>logout</c>/<c>interactive</c> means open <c>url</c> in a browser; <c>complete</c>/<c>none</c> means done;
    /// <c>invalid</c> means there was no profile for it. The device's cached profiles and decisions are dropped.</remarks>
    public static async Task<Ok<LogoutResponse>> LogoutAsync(
        AuthenticatedDevice device, OptionalJsonRequest<LogoutRequest> body, RemoteClient client, LogoutService logout,
        CancellationToken cancellationToken)
    {
        var actions = await logout.LogoutAsync(device.Record, client.Endpoint, body.Value?.Mvpd, cancellationToken);
        return TypedResults.Ok(new LogoutResponse(actions.Select(a => new LogoutActionResponse(a.Mvpd, a.ActionName, a.ActionType, a.Url)).ToList()));
    }
}
