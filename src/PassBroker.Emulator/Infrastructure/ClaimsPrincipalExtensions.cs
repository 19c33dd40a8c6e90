using System.Security.Claims;

namespace PassBroker.Emulator.Infrastructure;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The DCR client the caller's access token was issued to.</summary>
    public static string GetClientId(this ClaimsPrincipal user) =>
        user.FindFirstValue(AccessTokenAuthenticationHandler.ClientIdClaim)
        ?? throw new InvalidOperationException("The endpoint must require authorization before reading the client id.");

    /// <summary>Whether the caller's client is linked to the service provider (a caller without a token is not).</summary>
    public static bool IsLinkedTo(this ClaimsPrincipal user, string serviceProvider) =>
        user.HasClaim(AccessTokenAuthenticationHandler.ServiceProviderClaim, serviceProvider);
}
