using Microsoft.Extensions.Options;
using PassBroker.Core.Decisions.Rules;
using PassBroker.Core.Devices;
using PassBroker.Core.Profiles;
using PassBroker.Core.Retention;
using PassBroker.Core.Sessions;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Logout;

/// <summary>
/// Signs the user out of an MVPD on the user's explicit request (never after a deny): Adobe deletes the profile, and
/// the device's cached profiles and decisions go with it. So do the profiles its sign-ins still hold, and its play
/// leases: they belong to the user who left (what they watched), and the next user of the device must not find their
/// plays counted against the concurrent-play limit.
/// </summary>
public sealed class LogoutService(
    IAdobePassClient adobePass,
    ProfileService profiles,
    AuthenticationCaches caches,
    SessionProfileRelease sessionProfiles,
    IPlayStore plays,
    IOptionsMonitor<SignInOptions> options)
{
    /// <returns>What the app must do per MVPD; empty when the device had no profile to log out of.</returns>
    public async Task<IReadOnlyList<LogoutAction>> LogoutAsync(DeviceRecord device, ClientEndpoint client, string? mvpd, CancellationToken cancellationToken)
    {
        var chosen = await profiles.FindMvpdAsync(device, client, mvpd, cancellationToken);
        IReadOnlyList<LogoutAction> actions = [];
        if (chosen is not null)
        {
            actions = await adobePass.LogoutAsync(device.ToContext(client), chosen, options.Get(device.Brand).LogoutRedirectUrl, cancellationToken);
            await caches.ForgetAsync(device.DeviceKey, cancellationToken);
        }
        // Also with no profile left at Adobe: the user asked to leave, so nothing of theirs stays behind here.
        await sessionProfiles.SignedOutAsync(device.DeviceKey, cancellationToken);
        await plays.RemoveAllAsync(device.DeviceKey, cancellationToken);
        return actions;
    }
}
