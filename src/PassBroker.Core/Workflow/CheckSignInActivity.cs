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
        var check = await PollAsync(input, span, cancellationToken);
        span?.SetTag(PassBrokerTelemetry.Tags.SignInStatus, check.Status.ToString().ToLowerInvariant());
        return check;
    }

    private async Task<SignInCheck> PollAsync(SignInPollInput input, Activity? span, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(input.DeviceKey, input.Code, cancellationToken);
        if (session is null)
        {
            return new SignInCheck(SessionStatus.Failed, SessionEndReasons.UpstreamSessionInvalid);
        }
        if (session.IsFinal)
        {
            return new SignInCheck(session.Status, session.EndReason);
        }

        span?.SetTag(PassBrokerTelemetry.Tags.Mvpd, session.Mvpd ?? PassBrokerTelemetry.NoMvpd);
        // Only the device's id, DCR client and info are needed: this instance's copy will do (info a re-registration
        // changed reaches the polls at most InstanceCache:DeviceLifetime late) and spares every poll a table read.
        var device = copies.TryGet(input.DeviceKey) ?? await devices.FindAsync(input.DeviceKey, cancellationToken);
        if (device is null)
        {
            return await EndAsync(session, input.Brand, SessionStatus.Failed, SessionEndReasons.UpstreamRejected, null, cancellationToken);
        }

        IReadOnlyList<Profile> profiles;
        try
        {
            profiles = await PollAsync(device.ToContext(session.Client), session, cancellationToken);
        }
        catch (AdobePassException ex) when (ex.IsTransient)
        {
            logger.PollFailedTransiently(input.DeviceKey, ex.Failure, ex.Code);
            span.SetUpstreamError(ex.Code ?? ex.Failure.ToString().ToLowerInvariant());
            metrics.SignInPolled(session.Mvpd, SessionStatus.Pending, device.Brand);
            return new SignInCheck(SessionStatus.Pending);
        }
        catch (AdobePassException ex) when (ex.Code is { } code && UpstreamErrorCodes.IsDeadSession(code))
        {
            span.SetUpstreamError(code);
            metrics.SignInPolled(session.Mvpd, SessionStatus.Expired, device.Brand);
            return await EndAsync(session, device.Brand, SessionStatus.Expired, SessionEndReasons.UpstreamSessionInvalid, code, cancellationToken);
        }
        catch (AdobePassException ex)
        {
            logger.PollRejected(input.DeviceKey, ex.HttpStatus, ex.Code);
            span.SetUpstreamError(ex.Code);
            metrics.SignInPolled(session.Mvpd, SessionStatus.Failed, device.Brand);
            return await EndAsync(session, device.Brand, SessionStatus.Failed, SessionEndReasons.UpstreamRejected, ex.Code, cancellationToken);
        }

        var profile = ChooseProfile(profiles, session.Mvpd);
        metrics.SignInPolled(session.Mvpd, profile is null ? SessionStatus.Pending : SessionStatus.Authenticated, device.Brand);
        if (profile is null)
        {
            return new SignInCheck(SessionStatus.Pending);
        }

        // A new sign-in makes the device's cached profiles and decisions stale on every instance.
        await caches.ForgetAsync(input.DeviceKey, cancellationToken);
        // Before the session ends: if this write fails, the activity is retried and polls again, which it would not do
        // for an ended session. A device that has signed in is never purged as unused.
        if (device.SignedInAt is null)
        {
            await signIns.MarkAsync(input.DeviceKey, cancellationToken);
        }
        var authenticated = session with { Profile = profile, Mvpd = profile.Mvpd };
        return await EndAsync(authenticated, device.Brand, SessionStatus.Authenticated, null, null, cancellationToken);
    }

    /// <summary>
    /// The cookbook's poll (step 4): <c>/profiles/{mvpd}</c> when the app picked the MVPD, <c>/profiles/code/{code}</c>
    /// when the MVPD is picked on the second screen. A pending sign-in with an MVPD has no profile for it yet (Adobe
    /// would have answered "authorize" at the start), so a profile there is this sign-in's.
    /// </summary>
    private Task<IReadOnlyList<Profile>> PollAsync(DeviceContext device, AuthenticationSession session, CancellationToken cancellationToken) =>
        session.Mvpd is { } mvpd
            ? adobePass.GetProfilesForMvpdAsync(device, mvpd, cancellationToken)
            : adobePass.GetProfilesForCodeAsync(device, session.Code, cancellationToken);

    private static Profile? ChooseProfile(IReadOnlyList<Profile> profiles, string? mvpd) =>
        profiles.FirstOrDefault(p => p.Mvpd == mvpd) ?? profiles.MaxBy(p => p.NotAfter);

    private async Task<SignInCheck> EndAsync(
        AuthenticationSession session, string brand, SessionStatus status, string? reason, string? upstreamCode, CancellationToken cancellationToken)
    {
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
