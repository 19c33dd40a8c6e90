using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.TempPass;
using PassBroker.Http.Edge;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.TempPass;

public static class TempPassApi
{
    public static IEndpointRouteBuilder MapTempPass(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Routes.TempPass, StartAsync).WithName("StartTempPass").WithTags("TempPass")
            .RequiresDeviceToken()
            .JsonBody<StartTempPassRequest>()
            .Problems(StatusCodes.Status404NotFound, TempPassKinds.NotOfferedCode)
            .CallsAdobePass();
        routes.MapGet(Routes.TempPass, GetAsync).WithName("GetTempPass").WithTags("TempPass")
            .RequiresDeviceToken()
            .Problems(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed)
            .Problems(StatusCodes.Status404NotFound, TempPassKinds.NotOfferedCode)
            .CallsAdobePass();
        return routes;
    }

    /// <summary>Starts or continues the device's trial; the clock starts at its first authorize.</summary>
    /// <remarks><c>promotional</c> needs the user's e-mail, of which only a hash is kept and sent to Adobe. Play on the trial by
    /// naming its <c>mvpd</c> in authorize.</remarks>
    public static async Task<Ok<TempPassResponse>> StartAsync(
        HttpRequest request, DeviceAuthenticator authenticator, TempPassService tempPass, CancellationToken cancellationToken)
    {
        var device = await authenticator.RequireDeviceAsync(request, cancellationToken);
        var body = await JsonBody.ReadAsync<StartTempPassRequest>(request, cancellationToken);
        var state = await tempPass.StartAsync(device, ClientEndpoints.From(request.HttpContext), body.Kind, body.Email, cancellationToken);
        return TypedResults.Ok(TempPassResponse.From(state));
    }

    /// <summary>The trial as Adobe has it now (call at app start: a reset or an expiry shows at once).</summary>
    /// <remarks>Read from Adobe each time, so an operator's reset shows at once.</remarks>
    public static async Task<Ok<TempPassResponse>> GetAsync(
        HttpRequest request, string? kind, DeviceAuthenticator authenticator, TempPassService tempPass, CancellationToken cancellationToken)
    {
        var device = await authenticator.RequireDeviceAsync(request, cancellationToken);
        var state = await tempPass.GetAsync(device, ClientEndpoints.From(request.HttpContext), kind, cancellationToken);
        return TypedResults.Ok(TempPassResponse.From(state));
    }
}
