using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.Mvpds;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Profiles;

/// <summary>
/// The device's authentication profiles. Read from Adobe and kept until the earliest <c>notAfter</c> (a profile is
/// valid until then unless the user logs out, which goes through PassBroker and clears the copy).
/// </summary>
public sealed class ProfileService(IProfileCache cache, IAdobePassClient adobePass, TimeProvider time)
{
    public async Task<IReadOnlyList<Profile>> GetAsync(DeviceRecord device, ClientEndpoint client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cached = await cache.FindAsync(device.DeviceKey, cancellationToken);
        if (cached is not null && cached.ExpiresAt > now)
        {
            return cached.Profiles.Where(p => p.NotAfter > now).ToList();
        }

        var profiles = await adobePass.GetProfilesAsync(device.ToContext(client), cancellationToken);
        // An empty list is not kept: the user may be signing in right now.
        if (profiles.Count > 0)
        {
            await cache.SetAsync(device.DeviceKey, new CachedProfiles(profiles, profiles.Min(p => p.NotAfter)), cancellationToken);
        }
        return profiles;
    }

    /// <summary>
    /// The MVPD a request is about: the one it names, else the device's profile with the longest validity. A device with
    /// no profile must sign in first: that is a 403 <c>authentication_required</c>.
    /// </summary>
    public async Task<string> ChooseMvpdAsync(DeviceRecord device, ClientEndpoint client, string? requested, CancellationToken cancellationToken) =>
        await FindMvpdAsync(device, client, requested, cancellationToken)
            ?? throw new PassBrokerException(403, ErrorCodes.AuthenticationRequired, "The user must sign in with their TV provider.",
                "This device has no valid profile; start a sign-in with POST /api/authentication/sessions.");

    /// <summary>Like <see cref="ChooseMvpdAsync"/>, but null when the request names none and the device has no profile.</summary>
    public async Task<string?> FindMvpdAsync(DeviceRecord device, ClientEndpoint client, string? requested, CancellationToken cancellationToken) =>
        requested is not null
            ? MvpdIds.Validate(requested, "mvpd")
            : (await GetAsync(device, client, cancellationToken)).MaxBy(p => p.NotAfter)?.Mvpd;
}
