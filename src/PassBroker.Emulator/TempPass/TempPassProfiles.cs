using Microsoft.AspNetCore.Http.HttpResults;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.Profiles;
using PassBroker.Emulator.ServiceProviders;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator.TempPass;

/// <summary>
/// The <c>temporary</c> profiles of TempPass trials (adobe-pass-v2.md section 6.4). Reading a profile never starts a
/// trial or links a device or hash to one (section 10, question 11: before the first authorize there is no profile).
/// </summary>
internal static class TempPassProfiles
{
    /// <summary>
    /// <c>/profiles/{mvpd}</c>: the trial's profile, <c>{"profiles":{}}</c> before the first authorize, and the limits
    /// as top-level HTTP 403. Promotional TempPass needs <c>AP-TempPass-Identity</c> (HTTP 400 otherwise).
    /// </summary>
    public static Results<JsonHttpResult<ProfilesResponse>, JsonHttpResult<EnhancedError>> ForMvpd(
        DeviceKey device, MvpdOptions mvpd, string? identityHeader, EmulatorServices services)
    {
        if (mvpd.TempPass is not { } options)
        {
            return AdobeResults.Error(EnhancedErrors.InvalidConfigurationTemporaryAccess(mvpd.Id));
        }

        string? key = null;
        if (options.IsPromotional && !TempPassIdentityHeader.TryRead(identityHeader, options.IdentityKey, out key))
        {
            return AdobeResults.Error(EnhancedErrors.InvalidHeaderIdentityForTemporaryAccess(options.IdentityKey));
        }

        var now = services.Time.GetUtcNow();
        return services.State.FindTempPassTrial(new TempPassIdentity(device.ServiceProvider, mvpd.Id, device.DeviceId, key)) switch
        {
            null => AdobeResults.Json(ProfilesResponse.From([])),
            var trial when trial.IsExpired(now) => AdobeResults.Error(EnhancedErrors.TemporaryAccessDurationLimitExceeded(mvpd.Id)),
            var trial when trial.RemainingResources <= 0 =>
                AdobeResults.Error(EnhancedErrors.TemporaryAccessResourcesLimitExceeded(mvpd.Id, options.MaxResources)),
            var trial => AdobeResults.Json(ProfilesResponse.From([trial.ToProfile(device)])),
        };
    }

    /// <summary>
    /// <c>/profiles</c>: the device's usable trials (found by device id; that call takes no identity header). One
    /// MVPD's limit cannot fail the whole call, so a used-up trial simply disappears, like an expired profile.
    /// </summary>
    public static IEnumerable<StoredProfile> ForDevice(DeviceKey device, EmulatedServiceProvider provider, EmulatorServices services)
    {
        var now = services.Time.GetUtcNow();
        foreach (var mvpd in provider.Mvpds.Where(m => m is { IsTempPass: true, TempPass: not null }))
        {
            if (services.State.FindTempPassTrial(new TempPassIdentity(device.ServiceProvider, mvpd.Id, device.DeviceId, null)) is { } trial
                && !trial.IsUsedUp(now))
            {
                yield return trial.ToProfile(device);
            }
        }
    }
}
