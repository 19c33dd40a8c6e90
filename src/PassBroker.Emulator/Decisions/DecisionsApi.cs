using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.State;
using PassBroker.Emulator.TempPass;

namespace PassBroker.Emulator.Decisions;

/// <summary>Preauthorize and authorize decisions for one MVPD (adobe-pass-v2.md section 5.2).</summary>
internal static class DecisionsApi
{
    public static RouteGroupBuilder MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapRestApiV2Group("decisions");

        group.MapPost("/preauthorize/{mvpd}", Preauthorize);
        group.MapPost("/authorize/{mvpd}", Authorize);

        return group;
    }

    /// <summary>Informative decisions for catalogue filtering; never a media token.</summary>
    public static Results<JsonHttpResult<DecisionsResponse>, JsonHttpResult<EnhancedError>> Preauthorize(
        string serviceProvider,
        string mvpd,
        ResourcesRequest request,
        RequestDevice requestDevice,
        [FromHeader(Name = AdobeHeaders.TempPassIdentity)] string? tempPassIdentity,
        ClaimsPrincipal user,
        [AsParameters] EmulatorServices services) =>
        Decide(DecisionKind.Preauthorize, new(serviceProvider, user.GetClientId(), requestDevice.DeviceId), mvpd, request, tempPassIdentity, services);

    /// <summary>The authoritative decision; a permit carries a fresh media token.</summary>
    public static Results<JsonHttpResult<DecisionsResponse>, JsonHttpResult<EnhancedError>> Authorize(
        string serviceProvider,
        string mvpd,
        ResourcesRequest request,
        RequestDevice requestDevice,
        [FromHeader(Name = AdobeHeaders.TempPassIdentity)] string? tempPassIdentity,
        ClaimsPrincipal user,
        [AsParameters] EmulatorServices services) =>
        Decide(DecisionKind.Authorize, new(serviceProvider, user.GetClientId(), requestDevice.DeviceId), mvpd, request, tempPassIdentity, services);

    private static Results<JsonHttpResult<DecisionsResponse>, JsonHttpResult<EnhancedError>> Decide(
        DecisionKind kind,
        DeviceKey device,
        string mvpd,
        ResourcesRequest request,
        string? tempPassIdentity,
        EmulatorServices services)
    {
        var mvpdOptions = services.Provider(device.ServiceProvider).FindMvpd(mvpd);
        if (((mvpdOptions is null ? EnhancedErrors.InvalidMvpd(mvpd) : null)
            ?? (request.Problem is { } problem ? EnhancedErrors.InvalidResources(problem) : null)) is { } error)
        {
            return AdobeResults.Error(error);
        }

        var resources = request.Resources;
        services.State.RecordDecisionsRequest(kind, resources.Count);
        var max = kind == DecisionKind.Authorize ? services.Settings.AuthorizeMaxResources : services.Settings.PreauthorizeMaxResources;
        if (resources.Count > max)
        {
            services.Logger.TooManyResources(kind, resources.Count, max);
            return AdobeResults.Error(EnhancedErrors.TooManyResources(resources.Count, max));
        }

        DecisionResponse[] decisions = mvpdOptions is { IsTempPass: true }
            ? new TempPassDecisionMaker(device, mvpdOptions, kind, services).Decide(tempPassIdentity, resources)
            : [.. resources.Select(new DecisionMaker(device, mvpd, kind, services).Decide)];
        services.Logger.DecisionsAnswered(kind, mvpd, device.ClientId, decisions.Count(d => d.Authorized), decisions.Length);
        return AdobeResults.Json(new DecisionsResponse(decisions));
    }
}
