using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.InstanceCaching;
using PassBroker.Core.Profiles;
using PassBroker.Core.Sessions;
using PassBroker.Core.Telemetry;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Workflow;

/// <summary>
/// One poll of Adobe's profiles for a pending sign-in, and the bookkeeping of what it found.
/// Transient upstream failures leave the session pending (the next poll tries again); failures that waiting cannot
/// fix end it.
/// </summary>
public sealed class CheckSignInActivity(
    ISessionStore sessions,
    IDeviceStore devices,
    DeviceRecordCopies copies,
    DeviceSignInMarker signIns,
    AuthenticationCaches caches,
    IAdobePassClient adobePass,
    SessionChangeNotifier notifier,
    TimeProvider time,
    PassBrokerMetrics metrics,
    ILogger<CheckSignInActivity> logger)
{
    public async Task<SignInCheck> RunAsync(SignInPollInput input, CancellationToken cancellationToken)
    {
        // Its own trace: the poll runs on a timer, not inside the app's request.
        using var span = PassBrokerTelemetry.ActivitySource.StartActivity("passbroker.signin.poll");
        span?.SetTag(PassBrokerTelemetry.Tags.DeviceKey, input.DeviceKey);
        metrics.TagBrand(span, input.Brand);
        var session = await sessions.FindAsync(input.DeviceKey, input.Code, cancellationToken);
        var check = session switch
        {
            null => new SignInCheck(SessionStatus.Failed, SessionEndReasons.UpstreamSessionInvalid),
            { IsFinal: true } => new SignInCheck(session.Status, session.EndReason),
            _ => await PollAsync(new PendingPoll(session.DeviceKey, session.Code, session.Mvpd, session.Client) { Brand = input.Brand }, session, span, cancellationToken),
        };
        span?.SetTag(PassBrokerTelemetry.Tags.SignInStatus, check.Status.ToString().ToLowerInvariant());
        return check;
    }

    /// <summary>
    /// The same poll from what the sharded shape's row holds, without reading the session first: the session is read
    /// only when the poll ends it (and then left as it is if it ended meanwhile, as a replaced one has).
    /// </summary>
    public async Task<SignInCheck> RunAsync(PendingPoll poll, CancellationToken cancellationToken)
    {
        using var span = PassBrokerTelemetry.ActivitySource.StartActivity("passbroker.signin.poll");
        span?.SetTag(PassBrokerTelemetry.Tags.DeviceKey, poll.DeviceKey);
        metrics.TagBrand(span, poll.Brand);
        var check = await PollAsync(poll, null, span, cancellationToken);
        span?.SetTag(PassBrokerTelemetry.Tags.SignInStatus, check.Status.ToString().ToLowerInvariant());
        return check;
    }

    private async Task<SignInCheck> PollAsync(PendingPoll poll, AuthenticationSession? session, Activity? span, CancellationToken cancellationToken)
    {
        span?.SetTag(PassBrokerTelemetry.Tags.Mvpd, poll.Mvpd ?? PassBrokerTelemetry.NoMvpd);
        // Only the device's id, DCR client and info are needed: this instance's copy will do (info a re-registration
        // changed reaches the polls at most InstanceCache:DeviceLifetime late) and spares every poll a table read.
        var device = copies.TryGet(poll.DeviceKey) ?? await devices.FindAsync(poll.DeviceKey, cancellationToken);
        if (device is null)
        {
            return await EndAsync(poll, session, poll.Brand, SessionStatus.Failed, SessionEndReasons.UpstreamRejected, null, null, cancellationToken);
        }

        IReadOnlyList<Profile> profiles;
        try
        {
            profiles = await PollAsync(device.ToContext(poll.Client), poll, cancellationToken);
        }
        catch (AdobePassException ex) when (ex.IsTransient)
        {
            logger.PollFailedTransiently(poll.DeviceKey, ex.Failure, ex.Code);
            span.SetUpstreamError(ex.Code ?? ex.Failure.ToString().ToLowerInvariant());
            metrics.SignInPolled(poll.Mvpd, SessionStatus.Pending, device.Brand);
            return new SignInCheck(SessionStatus.Pending);
        }
        catch (AdobePassException ex) when (ex.Code is { } code && UpstreamErrorCodes.IsDeadSession(code))
        {
            span.SetUpstreamError(code);
            metrics.SignInPolled(poll.Mvpd, SessionStatus.Expired, device.Brand);
            return await EndAsync(poll, session, device.Brand, SessionStatus.Expired, SessionEndReasons.UpstreamSessionInvalid, code, null, cancellationToken);
        }
        catch (AdobePassException ex)
        {
            logger.PollRejected(poll.DeviceKey, ex.HttpStatus, ex.Code);
            span.SetUpstreamError(ex.Code);
            metrics.SignInPolled(poll.Mvpd, SessionStatus.Failed, device.Brand);
            return await EndAsync(poll, session, device.Brand, SessionStatus.Failed, SessionEndReasons.UpstreamRejected, ex.Code, null, cancellationToken);
        }

        var profile = ChooseProfile(profiles, poll.Mvpd);
        metrics.SignInPolled(poll.Mvpd, profile is null ? SessionStatus.Pending : SessionStatus.Authenticated, device.Brand);
        if (profile is null)
        {
            return new SignInCheck(SessionStatus.Pending);
        }

        // A new sign-in makes the device's cached profiles and decisions stale on every instance.
        await caches.ForgetAsync(poll.DeviceKey, cancellationToken);
        // Before the session ends: if this write fails, the activity is retried and polls again, which it would not do
        // for an ended session. A device that has signed in is never purged as unused.
        if (device.SignedInAt is null)
        {
            await signIns.MarkAsync(poll.DeviceKey, cancellationToken);
        }
        return await EndAsync(poll, session, device.Brand, SessionStatus.Authenticated, null, null, profile, cancellationToken);
    }

    /// <summary>
    /// The cookbook's poll (step 4): <c>/profiles/{mvpd}</c> when the app picked the MVPD, <c>/profiles/code/{code}</c>
    /// when the MVPD is picked on the second screen. A pending sign-in with an MVPD has no profile for it yet (Adobe
    /// would have answered "authorize" at the start), so a profile there is this sign-in's.
    /// </summary>
    private Task<IReadOnlyList<Profile>> PollAsync(DeviceContext device, PendingPoll poll, CancellationToken cancellationToken) =>
        poll.Mvpd is { } mvpd
            ? adobePass.GetProfilesForMvpdAsync(device, mvpd, cancellationToken)
            : adobePass.GetProfilesForCodeAsync(device, poll.Code, cancellationToken);

    private static Profile? ChooseProfile(IReadOnlyList<Profile> profiles, string? mvpd) =>
        profiles.FirstOrDefault(p => p.Mvpd == mvpd) ?? profiles.MaxBy(p => p.NotAfter);

    /// <param name="poll">The sign-in polled.</param>
    /// <param name="session">Its session as read before the poll, or null to read it now (a sharded poll reads none before).</param>
    /// <param name="brand">The device's brand key, for telemetry.</param>
    /// <param name="status">How it ends.</param>
    /// <param name="reason">Why, when it ends without a profile.</param>
    /// <param name="upstreamCode">Adobe's error code behind it, if any.</param>
    /// <param name="profile">The profile the sign-in produced (authenticated).</param>
    /// <param name="cancellationToken">The activity's cancellation.</param>
    private async Task<SignInCheck> EndAsync(PendingPoll poll, AuthenticationSession? session, string brand, SessionStatus status, string? reason,
        string? upstreamCode, Profile? profile, CancellationToken cancellationToken)
    {
        session ??= await sessions.FindAsync(poll.DeviceKey, poll.Code, cancellationToken);
        if (session is null || session.IsFinal)
        {
            // Gone, or ended elsewhere (a newer sign-in replaced it): its outcome stands.
            return new SignInCheck(session?.Status ?? SessionStatus.Failed, session is null ? SessionEndReasons.UpstreamSessionInvalid : session.EndReason);
        }
        if (profile is not null)
        {
            session = session with { Profile = profile, Mvpd = profile.Mvpd };
        }
        try
        {
            var ended = await sessions.UpdateAsync(session.End(status, time.GetUtcNow(), reason, upstreamCode), cancellationToken);
            logger.SignInEnded(session.DeviceKey, status, reason);
            metrics.SignInEnded(ended, brand);
            notifier.Notify(session.DeviceKey, session.Code);
            return new SignInCheck(ended.Status, ended.EndReason);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone else ended it first (a newer sign-in replaced it): their outcome stands.
            var current = await sessions.FindAsync(session.DeviceKey, session.Code, cancellationToken);
            return current is null ? new SignInCheck(SessionStatus.Failed) : new SignInCheck(current.Status, current.EndReason);
        }
    }
}
