using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;

namespace PassBroker.Core.Retention;

/// <summary>
/// Takes a sign-in's profile (user id, household id, encrypted zip…) out of its session row as soon as the row no longer
/// needs it: once a status answer delivered it to the device, or at logout, whichever comes first. The session row stays
/// (its status and reason) until the purge; the profile stays Adobe's, read through <c>GET /api/profiles</c>.
/// </summary>
public sealed class SessionProfileRelease(ISessionStore sessions, ILogger<SessionProfileRelease> logger)
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// The status answer for <paramref name="answered"/> carries its profile: the row drops it. "Delivered" is the moment
    /// PassBroker hands the answer to the device's authenticated request: whether the bytes arrive is beyond its sight,
    /// and an app whose answer got lost reads the same profile from <c>GET /api/profiles</c>.
    /// </summary>
    public Task DeliveredAsync(AuthenticationSession answered, CancellationToken cancellationToken) =>
        answered.Profile is null ? Task.CompletedTask : ReleaseAsync(answered, ProfileReleaseReasons.Delivered, cancellationToken);

    /// <summary>The user signed out: every sign-in of the device that still holds a profile drops it.</summary>
    public async Task SignedOutAsync(string deviceKey, CancellationToken cancellationToken)
    {
        await foreach (var session in sessions.ListHoldingProfilesAsync(deviceKey, cancellationToken))
        {
            await ReleaseAsync(session, ProfileReleaseReasons.SignedOut, cancellationToken);
        }
    }

    private async Task ReleaseAsync(AuthenticationSession session, string reason, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 1; session.Profile is not null; attempt++)
            {
                try
                {
                    await sessions.UpdateAsync(session.ReleaseProfile(reason), cancellationToken);
                    logger.ProfileReleased(session.DeviceKey, reason);
                    return;
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    // Changed meanwhile (another answer released it first, or the purge took the row): look again.
                    session = await sessions.FindAsync(session.DeviceKey, session.Code, cancellationToken) ?? session with { Profile = null };
                }
            }
        }
        catch (Exception e) when (e is StoreUnavailableException or ConcurrencyConflictException)
        {
            // The answer itself must not fail for this: the purge deletes the whole row after Retention:Sessions anyway.
            logger.ProfileReleaseFailed(session.DeviceKey, reason, e.GetType().Name);
        }
    }
}
