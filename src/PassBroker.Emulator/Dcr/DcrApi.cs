using Microsoft.AspNetCore.Http.HttpResults;
using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Emulator.Dcr;

/// <summary>Dynamic Client Registration: <c>/o/client/register</c> and <c>/o/client/token</c> (adobe-pass-v2.md section 3).</summary>
internal static class DcrApi
{
    private const string ClientCredentialsGrant = "client_credentials";
    private const string RestApiV2Scope = "api:client:v2";

    public static RouteGroupBuilder MapDcrApi(this IEndpointRouteBuilder app)
    {
        // Servers and apps post here without antiforgery tokens.
        var group = app.MapGroup("/o/client").DisableAntiforgery();

        group.MapPost("/register", RegisterClient);
        group.MapPost("/token", IssueAccessToken);

        return group;
    }

    public static Results<JsonHttpResult<ClientApplication>, JsonHttpResult<OAuthError>> RegisterClient(
        ClientRegistrationRequest request,
        [AsParameters] EmulatorServices services)
    {
        if (request.SoftwareStatement is null)
        {
            return Reject(services, OAuthError.InvalidRequest);
        }

        // A registered application is linked to one channel, or (programmer level) to several: "linked to all available
        // channels or a selected subset of channels" (AdobeDocs/pass.en, help/authentication/integration-guide-programmers/
        // rest-apis/rest-api-dcr/dynamic-client-registration-overview.md, "Manage registered applications"). Its client is
        // bound to those service providers for good.
        var serviceProviders = services.ServiceProviders.LinkedTo(request.SoftwareStatement);
        if (serviceProviders.Count == 0)
        {
            return Reject(services, OAuthError.InvalidSoftwareStatement);
        }

        IReadOnlyList<string> redirectUris = [];
        if (!string.IsNullOrWhiteSpace(request.RedirectUri))
        {
            if (!AbsoluteUrl.IsValid(request.RedirectUri))
            {
                return Reject(services, OAuthError.InvalidRedirectUri);
            }

            redirectUris = [request.RedirectUri];
        }

        var client = services.State.RegisterClient(redirectUris, serviceProviders);
        services.Logger.ClientRegistered(client.ClientId);
        return AdobeResults.Json(
            new ClientApplication(
                client.ClientId,
                client.ClientSecret,
                client.IssuedAt.ToUnixTimeSeconds(),
                client.RedirectUris,
                [ClientCredentialsGrant],
                [RestApiV2Scope]),
            StatusCodes.Status201Created);
    }

    public static Results<JsonHttpResult<ClientRegistrationAccessTokenResponse>, JsonHttpResult<OAuthError>> IssueAccessToken(
        ClientCredentialsRequest request,
        [AsParameters] EmulatorServices services)
    {
        if (request is not { ClientId: { } clientId, ClientSecret: { } clientSecret, GrantType: { } grantType })
        {
            return Reject(services, OAuthError.InvalidRequest);
        }

        if (!string.Equals(grantType, ClientCredentialsGrant, StringComparison.Ordinal))
        {
            return Reject(services, OAuthError.UnsupportedGrantType);
        }

        var lifetime = services.Settings.AccessTokenLifetime;
        if (services.State.IssueAccessToken(clientId, clientSecret, lifetime) is not { } token)
        {
            return Reject(services, OAuthError.InvalidClient);
        }

        services.Logger.AccessTokenIssued(token.Id, clientId);
        return AdobeResults.Json(
            new ClientRegistrationAccessTokenResponse(
                token.Id,
                token.Value,
                token.CreatedAt.ToUnixTimeMilliseconds(),
                (long)lifetime.TotalSeconds,
                "bearer"),
            StatusCodes.Status201Created);
    }

    private static JsonHttpResult<OAuthError> Reject(EmulatorServices services, OAuthError error)
    {
        services.Logger.DcrRequestRejected(error.Error);
        return AdobeResults.Json(error, StatusCodes.Status400BadRequest);
    }
}
