using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Decisions;
using PassBroker.Core.Errors;
using PassBroker.Core.TempPass;
using PassBroker.Http.Binding;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Decisions;

public static class DecisionsApi
{
    /// <param name="api">The device API's group (<see cref="DeviceApi"/>).</param>
    public static IEndpointRouteBuilder MapDecisions(this IEndpointRouteBuilder api)
    {
        // Both decision routes answer alike, for the device's MVPD choice and Adobe's answer. Their answers are one
        // user's (a media token is single use): NoStoreMiddleware keeps every cache on the way from keeping them.
        var decisions = api.MapGroup("").WithTags("Decisions")
            .Problems(StatusCodes.Status400BadRequest, ErrorCodes.UnknownMvpd, TempPassContexts.IdentityRequiredCode)
            .Problems(StatusCodes.Status403Forbidden, ErrorCodes.AuthenticationRequired)
            .CallsAdobePass();
        decisions.MapPost(DeviceApi.Below(Routes.Preauthorize), PreauthorizeAsync).WithName("Preauthorize");
        decisions.MapPost(DeviceApi.Below(Routes.Authorize), AuthorizeAsync).WithName("Authorize");
        return api;
    }

    /// <summary>Decisions for catalogue filtering: denies carry Adobe's reason; never a media token.</summary>
    /// <remarks>Any number of resources up to <c>Decisions:MaxResourcesPerRequest</c>, asked of Adobe in batches; permits are
    /// cached until their <c>notAfter</c>, denies asked again every time. Answers come in request order.</remarks>
    public static async Task<Ok<PreauthorizeResponse>> PreauthorizeAsync(
        AuthenticatedDevice device, JsonRequest<PreauthorizeRequest> body, RemoteClient client, PreauthorizationService preauthorization,
        CancellationToken cancellationToken)
    {
        var (mvpd, decisions) = await preauthorization.PreauthorizeAsync(device.Record, client.Endpoint, body.Value.Mvpd, body.Value.Resources, cancellationToken);
        return TypedResults.Ok(new PreauthorizeResponse(mvpd, decisions.Select(d => d.ToResponse()).ToList()));
    }

    /// <summary>The decision for one play, asked of Adobe every time: a permit's media token is single use.</summary>
    /// <remarks>Call before every play. The business rules run before Adobe is asked (a rule deny spares the call) and after
    /// (a rule may turn a permit into a deny); a deny's <c>reason</c> is Adobe's, or <c>source: rule</c> for PassBroker's own.</remarks>
    public static async Task<Ok<AuthorizeResponse>> AuthorizeAsync(
        AuthenticatedDevice device, JsonRequest<AuthorizeRequest> body, RemoteClient client, AuthorizationService authorization,
        CancellationToken cancellationToken)
    {
        var decision = await authorization.AuthorizeAsync(device.Record, client.Endpoint, body.Value.Mvpd, body.Value.Resource, cancellationToken);
        return TypedResults.Ok(decision.ToAuthorizeResponse());
    }
}
