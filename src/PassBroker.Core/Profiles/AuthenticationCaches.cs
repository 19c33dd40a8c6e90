using PassBroker.Core.Decisions;

namespace PassBroker.Core.Profiles;

/// <summary>
/// What PassBroker keeps about a device's authentication: its profiles and the permits decided on them. Both go stale
/// together: on a new sign-in, on logout, and when Adobe answers that the profile is gone (action <c>authentication</c>).
/// </summary>
public sealed class AuthenticationCaches(IProfileCache profiles, IDecisionCache decisions)
{
    public async Task ForgetAsync(string deviceKey, CancellationToken cancellationToken)
    {
        await profiles.RemoveAsync(deviceKey, cancellationToken);
        await decisions.RemoveAllAsync(deviceKey, cancellationToken);
    }
}
