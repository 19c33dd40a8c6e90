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
        [FromHeader(Name = AdobeHeaders.DeviceIdentifier)] string? deviceIdentifier,
        [FromHeader(Name = AdobeHeaders.DeviceInfo)] string? deviceInfo,
        ClaimsPrincipal user,
        [AsParameters] EmulatorServices services)
    {
        if (DeviceHeaders.Validate(deviceIdentifier, deviceInfo, out var deviceId, out _) is { } error)
        {
            return AdobeResults.Error(error);
        }

        var device = new DeviceKey(serviceProvider, user.GetClientId(), deviceId);
        return AdobeResults.Json(ProfilesResponse.From([.. services.State.GetValidProfiles(device), .. TempPassProfiles.ForDevice(device, services)]));
    }

    public static Results<JsonHttpResult<ProfilesResponse>, JsonHttpResult<EnhancedError>> GetProfileForMvpd(
        string serviceProvider,
        string mvpd,
        [FromHeader(Name = AdobeHeaders.DeviceIdentifier)] string? deviceIdentifier,
        [FromHeader(Name = AdobeHeaders.DeviceInfo)] string? deviceInfo,
        [FromHeader(Name = AdobeHeaders.TempPassIdentity)] string? tempPassIdentity,
        ClaimsPrincipal user,
        [AsParameters] EmulatorServices services)
    {
        var mvpdOptions = services.Settings.FindMvpd(mvpd);
        if ((DeviceHeaders.Validate(deviceIdentifier, deviceInfo, out var deviceId, out _)
            ?? (mvpdOptions is null ? EnhancedErrors.InvalidMvpd(mvpd) : null)) is { } error)
        {
            return AdobeResults.Error(error);
        }

        var device = new DeviceKey(serviceProvider, user.GetClientId(), deviceId);
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
