using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.Profiles;
using PassBroker.Http.Edge;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Profiles;

public static class ProfilesApi
{
    public static IEndpointRouteBuilder MapProfiles(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Routes.Profiles, GetAsync).WithName("GetProfiles").WithTags("Profiles")
            .RequiresDeviceToken()
            .Problems(StatusCodes.Status403Forbidden, ErrorCodes.AuthenticationRequired)
            .CallsAdobePass();
        return routes;
    }

    /// <summary>The device's valid profiles; an empty list means the user has to sign in.</summary>
    /// <remarks>Cached until the earliest <c>notAfter</c>. Attributes Adobe encrypted for the programmer's certificate come back
    /// <c>decrypted</c>; one no certificate opens stays <c>enc</c> with <c>error: decryption_failed</c>.</remarks>
    public static async Task<Ok<ProfileListResponse>> GetAsync(
        HttpRequest request, DeviceAuthenticator authenticator, ProfileService profiles, UserMetadataDecryption metadata,
        CancellationToken cancellationToken)
    {
        var device = await authenticator.RequireDeviceAsync(request, cancellationToken);
        var list = await metadata.DecryptAsync(
            await profiles.GetAsync(device, ClientEndpoints.From(request.HttpContext), cancellationToken), cancellationToken);
        return TypedResults.Ok(new ProfileListResponse(list.Select(p => p.ToResponse()).ToList()));
    }
}
