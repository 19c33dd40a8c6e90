using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.Mvpds;
using PassBroker.Core.Telemetry;
using PassBroker.Core.Upstream;
using PassBroker.Core.Workflow;

namespace PassBroker.Core.Sessions;

/// <summary>Starts sign-ins (an Adobe session plus the polling workflow) and reports how they stand.</summary>
public sealed class SignInService(
    ISessionStore sessions,
    IAdobePassClient adobePass,
    MvpdCatalog catalog,
    IWorkflowStarter workflows,
    SessionChangeNotifier notifier,
    DeviceSignInMarker signIns,
    LongPollLimiter longPolls,
    IOptionsMonitor<SignInOptions> options,
    TimeProvider time,
    PassBrokerMetrics metrics,
    ILogger<SignInService> logger)
{
    private const int MaxStartAttempts = 4;

    // How often a long poll re-reads its session, for changes made on other instances (this one's wake it at once).
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(2);
    // The deployment-wide settings (polling, durations, waits) are the default brand's; the redirect URL and domain are
    // the device's brand's (SignInOptions.PerBrand).
    private readonly SignInOptions _options = options.CurrentValue;

    public async Task<SignInStart> StartAsync(DeviceRecord device, string? mvpd, ClientEndpoint client, CancellationToken cancellationToken)
    {
        var context = device.ToContext(client);
        if (mvpd is not null && (mvpd.Length > 128 || await catalog.FindAsync(context, mvpd, cancellationToken) is null))
        {
            throw new PassBrokerException(400, ErrorCodes.UnknownMvpd, "Unknown MVPD.",
                "mvpd must be the id of one of the providers GET /api/mvpds returns.") { Extensions = { ["field"] = "mvpd" } };
        }

        var brandSettings = options.Get(device.Brand);
        var upstream = await adobePass.CreateSessionAsync(context, new SessionParameters(mvpd, brandSettings.DomainName, brandSettings.RedirectUrl), cancellationToken);
        logger.SignInStarted(device.DeviceKey, mvpd, upstream.ActionName);
        metrics.SignInStarted(upstream.Mvpd ?? mvpd, device.Brand);
        if (!upstream.HasCode)
        {
            metrics.SignInCompletedAtOnce(upstream.Mvpd ?? mvpd, device.Brand);
            // Signed in without a login (Adobe already had a profile): the device is in use as much as after a polled
            // sign-in, so the purge of registrations nobody signed in with must not take it.
            if (device.SignedInAt is null)
            {
                await signIns.MarkAsync(device.DeviceKey, cancellationToken);
            }
            return new SignInStart(null, upstream);
        }

        var now = time.GetUtcNow();
        var latest = now + _options.MaxDuration;
        var expiresAt = upstream.NotAfter is { } notAfter && notAfter < latest ? notAfter : latest;

        // Adobe invalidates a device's older codes when it issues a new one; our records follow, in the same write.
        var session = await StorePendingAsync(new AuthenticationSession
        {
            DeviceKey = device.DeviceKey,
            Code = upstream.Code!,
            Brand = device.Brand,
            Mvpd = upstream.Mvpd ?? mvpd,
            Status = SessionStatus.Pending,
            CreatedAt = now,
            ExpiresAt = expiresAt,
            Client = client,
        }, device.Brand, cancellationToken);
        await workflows.StartSignInPollingAsync(
            new SignInPollInput(device.DeviceKey, session.Code, expiresAt, _options.PollInterval, Brand: device.Brand) { Mvpd = session.Mvpd, Client = client },
            cancellationToken);
        return new SignInStart(session, upstream);
    }

    /// <summary>The device's session with that code, waiting up to <paramref name="wait"/> for it to leave pending.</summary>
    public async Task<AuthenticationSession> GetAsync(string deviceKey, string? code, TimeSpan wait, CancellationToken cancellationToken)
    {
        var validCode = SessionCodes.Validate(code);
        if (wait < TimeSpan.Zero || wait > _options.MaxLongPoll)
        {
            throw PassBrokerException.Validation("wait", $"wait must be between 0 and {_options.MaxLongPoll.TotalSeconds:0} seconds.");
        }

        if (wait == TimeSpan.Zero)
        {
            return await sessions.FindAsync(deviceKey, validCode, cancellationToken) ?? throw SessionNotFound();
        }

        using var slot = longPolls.TryEnter(deviceKey) ?? throw TooManyWaits(deviceKey);
        using var watch = notifier.Subscribe(deviceKey, validCode);
        var deadline = time.GetUtcNow() + wait;
        AuthenticationSession? last = null;
        while (true)
        {
            // A read another waiter of this session made less than one recheck ago, with no change here since, is as
            // fresh as this one's would be: waiters on one session cost one read per interval, however many they are.
            var (session, changed) = await ReadWithinAsync(watch, deviceKey, validCode, deadline, last, cancellationToken);
            if (session is null)
            {
                throw SessionNotFound();
            }
            var remaining = deadline - time.GetUtcNow();
            if (session.IsFinal || remaining <= TimeSpan.Zero)
            {
                return session;
            }
            last = session;
            // Woken by a change here, or at the recheck for changes elsewhere; the timer goes with the wait.
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                await Task.WhenAny(changed, Task.Delay(remaining < Recheck ? remaining : Recheck, time, stop.Token));
                await stop.CancelAsync();
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    // The wait is the request's: a read that does not answer holds the wait no longer than its deadline (or one recheck,
    // for the read made at the deadline). Then the last answer stands, or, with none, storage did not serve in time.
    // Leaving the read cancels it once no other waiter is on it.
    private async Task<SessionSnapshot> ReadWithinAsync(SessionSubscription watch, string deviceKey, string code,
        DateTimeOffset deadline, AuthenticationSession? last, CancellationToken cancellationToken)
    {
        var remaining = deadline - time.GetUtcNow();
        using var timeout = new CancellationTokenSource(remaining > Recheck ? remaining : Recheck, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await watch.ReadAsync(c => sessions.FindAsync(deviceKey, code, c), Recheck, either.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            logger.LongPollReadTimedOut(deviceKey, last is not null);
            return last is not null
                ? new SessionSnapshot(last, Task.CompletedTask)
                : throw new StoreUnavailableException("The session store did not answer within the wait.");
        }
    }

    private static PassBrokerException SessionNotFound() =>
        PassBrokerException.NotFound(ErrorCodes.SessionNotFound, "This device has no sign-in with that code.");

    private PassBrokerException TooManyWaits(string deviceKey)
    {
        logger.LongPollRefused(deviceKey, _options.MaxWaitsPerDevice);
        return new PassBrokerException(429, ErrorCodes.TooManyWaits, "This device already waits on its sign-in.",
            $"At most {_options.MaxWaitsPerDevice} status requests with wait may be open at once per device; wait for one to return.")
        {
            RetryAfterSeconds = (int)Recheck.TotalSeconds,
        };
    }

    // Two sign-ins of one device at once (an app retrying, two of its instances): the store lets one commit at a time,
    // and the other reads the device's sessions again and replaces the winner's. Adobe has issued both codes already,
    // so the later one stands, as it would have one request after the other.
    private async Task<AuthenticationSession> StorePendingAsync(AuthenticationSession session, string brand, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var start = await sessions.StartPendingAsync(session,
                    pending => pending.End(SessionStatus.Expired, time.GetUtcNow(), SessionEndReasons.Replaced), cancellationToken);
                foreach (var replaced in start.Replaced)
                {
                    logger.SignInReplaced(session.DeviceKey);
                    metrics.SignInEnded(replaced, brand);
                    notifier.Notify(session.DeviceKey, replaced.Code);
                }
                return start.Session;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxStartAttempts)
            {
            }
        }
    }
}
