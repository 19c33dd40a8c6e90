using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.ServiceProviders;
using PassBroker.Emulator.Sessions.Devices;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator.Sessions;

/// <summary>Authentication sessions: create, resume and read by code (adobe-pass-v2.md section 4).</summary>
internal static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapRestApiV2Group("sessions");

        group.MapPost("", CreateSession);
        group.MapPost("/{code}", ResumeSession);
        group.MapGet("/{code}", GetSession);

        return group;
    }

    public static Results<JsonHttpResult<SessionResponse>, JsonHttpResult<EnhancedError>> CreateSession(
        string serviceProvider,
        SessionParameters parameters,
        RequestDevice requestDevice,
        ClaimsPrincipal user,
        [AsParameters] EmulatorServices services)
    {
        var provider = services.Provider(serviceProvider);
        if (Validate(parameters, provider) is { } error)
        {
            return AdobeResults.Error(error);
        }

        var device = new DeviceKey(serviceProvider, user.GetClientId(), requestDevice.DeviceId);
        if (parameters.Mvpd is { } mvpd && AuthorizeReason(provider, device, mvpd, services) is { } reason)
        {
            services.Logger.SessionShortCircuited("authorize", reason, mvpd);
            return AdobeResults.Json(SessionResponses.Authorize(serviceProvider, mvpd, reason, RandomIds.NewOpaqueId(), resumed: null));
        }

        var session = services.State.OpenSession(device, requestDevice.Info, parameters, services.Settings.CodeLifetime, out var replacedCode);
        if (replacedCode is not null)
        {
            services.Logger.CodeReplaced(replacedCode, session.Code);
        }

        var response = SessionResponses.ForCode(session, resumed: false);
        services.Logger.SessionCreated(session.Code, device.ClientId, response.ActionName);
        return AdobeResults.Json(response);
    }

    public static Results<JsonHttpResult<SessionResponse>, JsonHttpResult<EnhancedError>> ResumeSession(
        string serviceProvider,
        string code,
        SessionParameters parameters,
        [AsParameters] EmulatorServices services)
    {
        if (services.State.FindActiveSession(serviceProvider, code) is null)
        {
            return AdobeResults.Error(EnhancedErrors.InvalidAuthenticationSession());
        }

        var provider = services.Provider(serviceProvider);
        if (Validate(parameters, provider) is { } error)
        {
            return AdobeResults.Error(error);
        }

        if (services.State.ResumeSession(serviceProvider, code, parameters) is not { } session)
        {
            return AdobeResults.Error(EnhancedErrors.InvalidAuthenticationSession());
        }

        var response = session.Parameters.Mvpd is { } mvpd && AuthorizeReason(provider, session.Device, mvpd, services) is { } reason
            ? SessionResponses.Authorize(serviceProvider, mvpd, reason, session.SessionId, session)
            : SessionResponses.ForCode(session, resumed: true);
        services.Logger.SessionResumed(session.Code, response.ActionName);
        return AdobeResults.Json(response);
    }

    public static Results<JsonHttpResult<SessionStatusResponse>, JsonHttpResult<EnhancedError>> GetSession(
        string serviceProvider,
        string code,
        [AsParameters] EmulatorServices services)
    {
        if (services.State.FindActiveSession(serviceProvider, code) is not { } session)
        {
            return AdobeResults.Error(EnhancedErrors.InvalidAuthenticationSession());
        }

        var missing = session.Parameters.Missing;
        return AdobeResults.Json(new SessionStatusResponse(
            session.Parameters.Existing(serviceProvider),
            missing.Count == 0 ? null : missing,
            SessionDeviceReader.Read(session.DeviceInfo),
            SessionResponses.ToEpochString(session.NotBefore),
            SessionResponses.ToEpochString(session.NotAfter)));
    }

    private static EnhancedError? Validate(SessionParameters parameters, EmulatedServiceProvider provider)
    {
        if (parameters.Mvpd is { } mvpd && provider.FindMvpd(mvpd) is null)
        {
            return EnhancedErrors.InvalidMvpd(mvpd);
        }

        // The browser is sent here after login, so it has to be a URL a browser can follow.
        if (parameters.RedirectUrl is { } redirectUrl && !AbsoluteUrl.IsValid(redirectUrl))
        {
            return EnhancedErrors.InvalidRedirectUrl();
        }

        return null;
    }

    /// <returns>The <c>reasonType</c> when the device can go straight to decisions, otherwise null.</returns>
    private static string? AuthorizeReason(EmulatedServiceProvider provider, DeviceKey device, string mvpd, EmulatorServices services)
    {
        if (provider.FindMvpd(mvpd) is { IsTempPass: true })
        {
            return SessionResponses.Temporary;
        }

        return services.State.FindValidProfile(device, mvpd) is null ? null : SessionResponses.Authenticated;
    }
}
