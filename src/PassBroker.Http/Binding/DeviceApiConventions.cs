using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Binding;

/// <summary>The policy the device API's group holds every route to (see <c>MapPassBroker</c>).</summary>
public static class DeviceApiConventions
{
    /// <summary>
    /// Every route of the group takes the device token: its handler binds an <see cref="AuthenticatedDevice"/> (or, for
    /// registration, a <see cref="PresentedDeviceToken"/>), whose metadata says so. A route that takes neither fails when
    /// the endpoints are built, in both hosts, rather than serve devices' data to anyone.
    /// </summary>
    /// <param name="group">The device API's group.</param>
    public static RouteGroupBuilder EveryRouteTakesTheDeviceToken(this RouteGroupBuilder group)
    {
        // Finally: after the handler's parameters have added their metadata.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<SecuritySchemeMetadata>().Any(m => m.Scheme == EndpointDocs.DeviceToken))
            {
                throw new InvalidOperationException($"{endpoint.DisplayName} is a device route, but its handler takes no "
                    + $"{nameof(AuthenticatedDevice)} (nor a {nameof(PresentedDeviceToken)}).");
            }
        });
        return group;
    }
}
