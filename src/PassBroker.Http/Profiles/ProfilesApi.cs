using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Errors;
using PassBroker.Core.Profiles;
using PassBroker.Http.Binding;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Profiles;

public static class ProfilesApi
{
    /// <param name="api">The device API's group (<see cref="DeviceApi"/>).</param>
    public static IEndpointRouteBuilder MapProfiles(this IEndpointRouteBuilder api)
    {
        api.MapGet(DeviceApi.Below(Routes.Profiles), GetAsync).WithName("GetProfiles").WithTags("Profiles")
            .Problems(StatusCodes.Status403Forbidden, ErrorCodes.AuthenticationRequired)
            .CallsAdobePass();
        return api;
    }

    /// <summary>The device's valid profiles; an empty list means the user has to sign in.</summary>
    /// <remarks>Cached until the earliest <c>notAfter</c>. Attributes Adobe encrypted for the brand's certificate come back
    /// <c>decrypted</c>; one no certificate opens stays <c>enc</c> with <c>error: decryption_failed</c>.</remarks>
    public static async Task<Ok<ProfileListResponse>> GetAsync(
        AuthenticatedDevice device, RemoteClient client, ProfileService profiles, UserMetadataDecryption metadata,
        CancellationToken cancellationToken)
    {
        var list = await metadata.DecryptAsync(device.Record.Brand,
            await profiles.GetAsync(device.Record, client.Endpoint, cancellationToken), cancellationToken);
        return TypedResults.Ok(new ProfileListResponse(list.Select(p => p.ToResponse()).ToList()));
    }
}
