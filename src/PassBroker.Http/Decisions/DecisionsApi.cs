using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using PassBroker.Core.Decisions;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.TempPass;
using PassBroker.Http.Edge;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Decisions;

public static class DecisionsApi
{
    public static IEndpointRouteBuilder MapDecisions(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Routes.Preauthorize, PreauthorizeAsync).WithName("Preauthorize").WithTags("Decisions")
            .DecisionDocs<PreauthorizeRequest>();
        routes.MapPost(Routes.Authorize, AuthorizeAsync).WithName("Authorize").WithTags("Decisions")
            .DecisionDocs<AuthorizeRequest>();
        return routes;
    }

    /// <summary>What both decision routes declare: they answer alike, for the device's MVPD choice and Adobe's answer.</summary>
    /// <param name="route">The decision route.</param>
    private static RouteHandlerBuilder DecisionDocs<TRequest>(this RouteHandlerBuilder route)
        where TRequest : notnull => route
        .RequiresDeviceToken()
        .JsonBody<TRequest>()
        .Problems(StatusCodes.Status400BadRequest, ErrorCodes.UnknownMvpd, TempPassContexts.IdentityRequiredCode)
        .Problems(StatusCodes.Status403Forbidden, ErrorCodes.AuthenticationRequired)
        .CallsAdobePass();

    /// <summary>Decisions for catalogue filtering: denies carry Adobe's reason; never a media token.</summary>
    /// <remarks>Any number of resources up to <c>Decisions:MaxResourcesPerRequest</c>, asked of Adobe in batches; permits are
    /// cached until their <c>notAfter</c>, denies asked again every time. Answers come in request order.</remarks>
    public static async Task<Ok<PreauthorizeResponse>> PreauthorizeAsync(
        HttpRequest request, DeviceAuthenticator authenticator, PreauthorizationService preauthorization, CancellationToken cancellationToken)
    {
        var device = await authenticator.RequireDeviceAsync(request, cancellationToken);
        var body = await JsonBody.ReadAsync<PreauthorizeRequest>(request, cancellationToken, resources: true);
        var (mvpd, decisions) = await preauthorization.PreauthorizeAsync(device, ClientEndpoints.From(request.HttpContext), body.Mvpd, body.Resources, cancellationToken);
        // One user's answers: no shared cache on the way may keep them (PassBroker caches permits itself).
        request.HttpContext.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return TypedResults.Ok(new PreauthorizeResponse(mvpd, decisions.Select(d => d.ToResponse()).ToList()));
    }

    /// <summary>The decision for one play, asked of Adobe every time: a permit's media token is single use.</summary>
    /// <remarks>Call before every play. The business rules run before Adobe is asked (a rule deny spares the call) and after
    /// (a rule may turn a permit into a deny); a deny's <c>reason</c> is Adobe's, or <c>source: rule</c> for PassBroker's own.</remarks>
    public static async Task<Ok<AuthorizeResponse>> AuthorizeAsync(
        HttpRequest request, DeviceAuthenticator authenticator, AuthorizationService authorization, CancellationToken cancellationToken)
    {
        var device = await authenticator.RequireDeviceAsync(request, cancellationToken);
        var body = await JsonBody.ReadAsync<AuthorizeRequest>(request, cancellationToken, resources: true);
        var decision = await authorization.AuthorizeAsync(device, ClientEndpoints.From(request.HttpContext), body.Mvpd, body.Resource, cancellationToken);
        // A media token is single use: no cache on the way to the app may keep or replay this answer.
        request.HttpContext.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return TypedResults.Ok(decision.ToAuthorizeResponse());
    }
}
