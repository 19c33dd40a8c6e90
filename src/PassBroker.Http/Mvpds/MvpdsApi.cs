using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Mvpds;
using PassBroker.Http.Binding;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Mvpds;

public static class MvpdsApi
{
    /// <param name="api">The device API's group (<see cref="DeviceApi"/>).</param>
    public static IEndpointRouteBuilder MapMvpds(this IEndpointRouteBuilder api)
    {
        api.MapGet(DeviceApi.Below(Routes.Mvpds), GetAsync).WithName("GetMvpds").WithTags("Mvpds")
            .CallsAdobePass();
        return api;
    }

    /// <summary>The providers the user may pick (Temp Pass, test and hidden MVPDs filtered out).</summary>
    /// <remarks>Read from Adobe's configuration for the device's platform and cached for <c>Mvpds:CacheDuration</c>; show the
    /// names and logos in a picker and send the chosen <c>id</c> to <c>POST /api/authentication/sessions</c>.</remarks>
    public static async Task<Ok<MvpdListResponse>> GetAsync(
        AuthenticatedDevice device, RemoteClient client, MvpdCatalog catalog, CancellationToken cancellationToken)
    {
        var mvpds = await catalog.GetAsync(device.Record.ToContext(client.Endpoint), cancellationToken);
        return TypedResults.Ok(new MvpdListResponse(mvpds.Select(m => new MvpdResponse(m.Id, m.DisplayName, m.LogoUrl)).ToList()));
    }
}
