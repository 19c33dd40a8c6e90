using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.State;
using PassBroker.Emulator.TempPass;

namespace PassBroker.Emulator.Profiles;

/// <summary>Profiles: all of a device's, one MVPD's, and the polling endpoint by code (adobe-pass-v2.md sections 4.4 and 5.1).</summary>
internal static class ProfilesApi
{
    public static RouteGroupBuilder MapProfilesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapRestApiV2Group("profiles");

        group.MapGet("", GetProfiles);
        group.MapGet("/{mvpd}", GetProfileForMvpd);
        group.MapGet("/code/{code}", GetProfileForCode);

        return group;
    }

    public static Results<JsonHttpResult<ProfilesResponse>, JsonHttpResult<EnhancedError>> GetProfiles(
        string serviceProvider,
        RequestDevice requestDevice,
        ClaimsPrincipal user,
        [AsParameters] EmulatorServices services)
    {
        var device = new DeviceKey(serviceProvider, user.GetClientId(), requestDevice.DeviceId);
        var tempPass = TempPassProfiles.ForDevice(device, services.Provider(serviceProvider), services);
        return AdobeResults.Json(ProfilesResponse.From([.. services.State.GetValidProfiles(device), .. tempPass]));
    }

    public static Results<JsonHttpResult<ProfilesResponse>, JsonHttpResult<EnhancedError>> GetProfileForMvpd(
        string serviceProvider,
        string mvpd,
        RequestDevice requestDevice,
        [FromHeader(Name = AdobeHeaders.TempPassIdentity)] string? tempPassIdentity,
        ClaimsPrincipal user,
        [AsParameters] EmulatorServices services)
    {
        if (services.Provider(serviceProvider).FindMvpd(mvpd) is not { } mvpdOptions)
        {
            return AdobeResults.Error(EnhancedErrors.InvalidMvpd(mvpd));
        }

        var device = new DeviceKey(serviceProvider, user.GetClientId(), requestDevice.DeviceId);
        if (mvpdOptions is { IsTempPass: true })
        {
            return TempPassProfiles.ForMvpd(device, mvpdOptions, tempPassIdentity, services);
        }

        services.State.RecordProfileMvpdPoll(device);
        StoredProfile[] profiles = services.State.FindValidProfile(device, mvpd) is { } profile ? [profile] : [];
        return AdobeResults.Json(ProfilesResponse.From(profiles));
    }

    /// <summary>
    /// The polling endpoint. Only the code identifies the session, so any valid token of the service provider may
    /// poll it. Answers <c>{"profiles":{}}</c> until the login completes, then the profile that login created, for
    /// as long as the code is valid (adobe-pass-v2.md section 10, questions 1 and 2: the emulator's choice).
    /// </summary>
    public static Results<JsonHttpResult<ProfilesResponse>, JsonHttpResult<EnhancedError>> GetProfileForCode(
        string serviceProvider,
        string code,
        [AsParameters] EmulatorServices services)
    {
        services.State.RecordProfileCodePoll(code);
        if (!services.State.TryGetProfileForCode(serviceProvider, code, out var profile))
        {
            return AdobeResults.Error(EnhancedErrors.InvalidAuthenticationSession());
        }

        StoredProfile[] profiles = profile is null ? [] : [profile];
        return AdobeResults.Json(ProfilesResponse.From(profiles));
    }
}
