using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Brands;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Http.Binding;
using PassBroker.Http.Limits;
using PassBroker.Http.OpenApi;
using PassBroker.Http.Telemetry;

namespace PassBroker.Http.Devices;

public static class DevicesApi
{
    /// <param name="api">The device API's group (<see cref="DeviceApi"/>).</param>
    public static IEndpointRouteBuilder MapDevices(this IEndpointRouteBuilder api)
    {
        api.MapPost(DeviceApi.Below(Routes.Devices), RegisterAsync).WithName("RegisterDevice").WithTags("Devices")
            .Problems(StatusCodes.Status400BadRequest, ErrorCodes.UnknownBrand)
            .Problems(StatusCodes.Status409Conflict, ErrorCodes.ConcurrencyConflict, ErrorCodes.BrandMismatch)
            .Problems(StatusCodes.Status503ServiceUnavailable, ErrorCodes.StorageUnavailable)
            .CallsAdobePass();
        return api;
    }

    /// <summary>Registers the device: without a token a new installation (201), with its token the same one again (200).</summary>
    /// <remarks>The first call of an app: PassBroker registers one DCR client with Adobe per installation and keeps it.
    /// <c>deviceInfo</c> holds Adobe's <c>X-Device-Info</c> fields. The answer's <c>deviceToken</c> is the credential of
    /// every other device route. Without a device token the call always makes a new installation (its own device key, DCR
    /// client and token), whatever the device id: an id is not a credential. With the installation's current token and its
    /// device id it registers that installation again: same DCR client (nobody is signed out), a new token; the presented
    /// one stops working. <c>brand</c> names the app (brand) the device registers for, by its public id; without it, the
    /// default brand. A device keeps its brand for life: the same device id registered for two brands is two devices
    /// that see nothing of each other, and a re-registration naming another brand than the device's is refused
    /// (409 <c>brand_mismatch</c>). The answer names the device's brand.</remarks>
    public static async Task<Results<Created<RegisterDeviceResponse>, Ok<RegisterDeviceResponse>>> RegisterAsync(
        Admitted<RegistrationLimit> admitted, JsonRequest<RegisterDeviceRequest> body, PresentedDeviceToken token, RemoteClient client,
        HttpContext context, DeviceRegistration registration, BrandCatalog brands, CancellationToken cancellationToken)
    {
        // Bound first, admitted counted the registration before the body was even read: every registration may create
        // a DCR client at Adobe.
        var result = await registration.RegisterAsync(
            body.Value.DeviceId, body.Value.DeviceInfo, body.Value.Brand, token.Value, client.Endpoint, cancellationToken);
        RequestLogScope.SetDevice(context, result.DeviceKey, result.Brand);
        var response = new RegisterDeviceResponse(result.DeviceKey, result.DeviceToken, brands.PublicId(result.Brand));
        return result.IsNew ? TypedResults.Created((string?)null, response) : TypedResults.Ok(response);
    }
}
