using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;
using PassBroker.Core.Profiles;
using PassBroker.Core.Sessions;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Logout;

/// <summary>
/// Signs the user out of an MVPD on the user's explicit request (never after a deny): Adobe deletes the profile, and
/// the device's cached profiles and decisions go with it.
/// </summary>
public sealed class LogoutService(
    IAdobePassClient adobePass,
    ProfileService profiles,
    AuthenticationCaches caches,
    IOptions<SignInOptions> options)
{
    /// <returns>What the app must do per MVPD; empty when the device had no profile to log out of.</returns>
    public async Task<IReadOnlyList<LogoutAction>> LogoutAsync(DeviceRecord device, ClientEndpoint client, string? mvpd, CancellationToken cancellationToken)
    {
        var chosen = await profiles.FindMvpdAsync(device, client, mvpd, cancellationToken);
        if (chosen is null)
        {
            return [];
        }

        var actions = await adobePass.LogoutAsync(device.ToContext(client), chosen, options.Value.LogoutRedirectUrl, cancellationToken);
        await caches.ForgetAsync(device.DeviceKey, cancellationToken);
        return actions;
    }
}
