using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Errors;
using PassBroker.Core.TempPass;
using PassBroker.Http.Binding;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.TempPass;

public static class TempPassApi
{
    /// <param name="api">The device API's group (<see cref="DeviceApi"/>).</param>
    public static IEndpointRouteBuilder MapTempPass(this IEndpointRouteBuilder api)
    {
        // Both routes ask Adobe for the trial of a kind the service may not offer.
        var tempPass = api.MapGroup("").WithTags("TempPass")
            .Problems(StatusCodes.Status404NotFound, TempPassKinds.NotOfferedCode)
            .CallsAdobePass();
        tempPass.MapPost(DeviceApi.Below(Routes.TempPass), StartAsync).WithName("StartTempPass");
        tempPass.MapGet(DeviceApi.Below(Routes.TempPass), GetAsync).WithName("GetTempPass")
            .Problems(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed);
        return api;
    }

    /// <summary>Starts or continues the device's trial; the clock starts at its first authorize.</summary>
    /// <remarks><c>promotional</c> needs the user's e-mail, of which only a hash is kept and sent to Adobe. Play on the trial by
    /// naming its <c>mvpd</c> in authorize.</remarks>
    public static async Task<Ok<TempPassResponse>> StartAsync(
        AuthenticatedDevice device, JsonRequest<StartTempPassRequest> body, RemoteClient client, TempPassService tempPass,
        CancellationToken cancellationToken)
    {
        var state = await tempPass.StartAsync(device.Record, client.Endpoint, body.Value.Kind, body.Value.Email, cancellationToken);
        return TypedResults.Ok(TempPassResponse.From(state));
    }

    /// <summary>The trial as Adobe has it now (call at app start: a reset or an expiry shows at once).</summary>
    /// <remarks>Read from Adobe each time, so an operator's reset shows at once.</remarks>
    public static async Task<Ok<TempPassResponse>> GetAsync(
        AuthenticatedDevice device, string? kind, RemoteClient client, TempPassService tempPass, CancellationToken cancellationToken)
    {
        var state = await tempPass.GetAsync(device.Record, client.Endpoint, kind, cancellationToken);
        return TypedResults.Ok(TempPassResponse.From(state));
    }
}
