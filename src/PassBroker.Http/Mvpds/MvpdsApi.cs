using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Devices;
using PassBroker.Core.Mvpds;
using PassBroker.Http.Edge;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Mvpds;

public static class MvpdsApi
{
    public static IEndpointRouteBuilder MapMvpds(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Routes.Mvpds, GetAsync).WithName("GetMvpds").WithTags("Mvpds")
            .RequiresDeviceToken()
            .CallsAdobePass();
        return routes;
    }

    /// <summary>The providers the user may pick (Temp Pass, test and hidden MVPDs filtered out).</summary>
    /// <remarks>Read from Adobe's configuration for the device's platform and cached for <c>Mvpds:CacheDuration</c>; show the
    /// names and logos in a picker and send the chosen <c>id</c> to <c>POST /api/authentication/sessions</c>.</remarks>
    public static async Task<Ok<MvpdListResponse>> GetAsync(
        HttpRequest request, DeviceAuthenticator authenticator, MvpdCatalog catalog, CancellationToken cancellationToken)
    {
        var device = await authenticator.RequireDeviceAsync(request, cancellationToken);
        var mvpds = await catalog.GetAsync(device.ToContext(ClientEndpoints.From(request.HttpContext)), cancellationToken);
        return TypedResults.Ok(new MvpdListResponse(mvpds.Select(m => new MvpdResponse(m.Id, m.DisplayName, m.LogoUrl)).ToList()));
    }
}
