using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.Mvpd;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator.Logout;

/// <summary><c>GET /api/v2/{serviceProvider}/logout/{mvpd}</c>: delete the device's profile for the MVPD (adobe-pass-v2.md section 5.5).</summary>
internal static class LogoutApi
{
    public static RouteGroupBuilder MapLogoutApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapRestApiV2Group("logout");

        group.MapGet("/{mvpd}", LogoutFromMvpd);

        return group;
    }

    /// <summary>
    /// <c>redirectUrl</c> is optional here: [SPEC] says optional and [DOC] required (adobe-pass-v2.md section 10), so
    /// the emulator accepts both but rejects a value a browser could not be sent to.
    /// </summary>
    public static Results<JsonHttpResult<LogoutResponse>, JsonHttpResult<EnhancedError>> LogoutFromMvpd(
        string serviceProvider,
        string mvpd,
        string? redirectUrl,
        RequestDevice requestDevice,
        ClaimsPrincipal user,
        [AsParameters] EmulatorServices services)
    {
        if (services.Provider(serviceProvider).FindMvpd(mvpd) is not { } options)
        {
            return AdobeResults.Error(EnhancedErrors.InvalidMvpd(mvpd));
        }

        if (redirectUrl is not null && !AbsoluteUrl.IsHttp(redirectUrl))
        {
            return AdobeResults.Error(EnhancedErrors.InvalidRedirectUrl());
        }

        var device = new DeviceKey(serviceProvider, user.GetClientId(), requestDevice.DeviceId);
        services.State.RecordLogout();
        var logout = options.IsTempPass ? TempPassLogout(device, mvpd, services) : services.State.RemoveProfile(device, mvpd) switch
        {
            null => MvpdLogoutResponse.Invalid(mvpd),
            _ when options.HasLogoutEndpoint && !options.IsTempPass =>
                MvpdLogoutResponse.Interactive(mvpd, MvpdLogoutApi.LogoutPath(mvpd, redirectUrl)),
            _ => MvpdLogoutResponse.Complete(mvpd),
        };

        services.Logger.LoggedOut(mvpd, device.ClientId, logout.ActionName);
        return AdobeResults.Json(new LogoutResponse(new Dictionary<string, MvpdLogoutResponse>(StringComparer.Ordinal) { [mvpd] = logout }));
    }

    /// <summary>
    /// TempPass has no logout (adobe-pass-v2.md section 6.2): the trial is never deleted, or logging out would be a
    /// free reset. <c>complete</c>/<c>none</c> while the device's trial is running, <c>invalid</c> otherwise.
    /// </summary>
    private static MvpdLogoutResponse TempPassLogout(DeviceKey device, string mvpd, EmulatorServices services) =>
        services.State.FindTempPassTrial(new TempPassIdentity(device.ServiceProvider, mvpd, device.DeviceId, null)) is { } trial
        && !trial.IsExpired(services.Time.GetUtcNow())
            ? MvpdLogoutResponse.Complete(mvpd)
            : MvpdLogoutResponse.Invalid(mvpd);
}
