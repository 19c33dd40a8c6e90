using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;
using PassBroker.Core.Mvpds;
using PassBroker.Core.Sessions;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.SecondScreen;

/// <summary>
/// The second-screen sign-in (the cookbook's AuthN_APP): a person types the code the TV shows, picks the MVPD if the
/// TV did not, and is sent to Adobe's authenticate URL. The page has no device token, only the code, so the session is
/// found by its code (<see cref="ISessionStore.FindByCodeAsync"/>) and every failure reads the same to the person.
/// </summary>
public sealed class SecondScreenService(
    ISessionStore sessions,
    IDeviceStore devices,
    IAdobePassClient adobePass,
    MvpdCatalog catalog,
    IOptionsMonitor<SignInOptions> options,
    TimeProvider time,
    ILogger<SecondScreenService> logger)
{
    /// <summary>Checks a typed code upstream (retrieve session) and says what comes next.</summary>
    /// <param name="typedCode">The code as typed.</param>
    /// <param name="browser">The person's browser: Adobe throttles per IP, and these calls are the browser's, not the TV's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<SecondScreenStep> EnterCodeAsync(string? typedCode, ClientEndpoint browser, CancellationToken cancellationToken)
    {
        if (await FindAsync(typedCode, browser, cancellationToken) is not (var session, var device))
        {
            return SecondScreenStep.InvalidCode;
        }
        UpstreamSessionInfo info;
        try
        {
            info = await adobePass.GetSessionAsync(device, session.Code, cancellationToken);
        }
        catch (AdobePassException e) when (IsDead(e))
        {
            return Rejected(session);
        }
        return info.ExistingParameters.TryGetValue("mvpd", out var mvpd) && !string.IsNullOrEmpty(mvpd)
            ? await ResumeAsync(session, device, mvpd, cancellationToken)
            : SecondScreenStep.ChooseMvpd(session.Code, await catalog.GetAsync(device, cancellationToken));
    }

    /// <summary>Resumes the session with the MVPD the person picked, if it is one of the picker's.</summary>
    /// <param name="typedCode">The code, as the picker form carries it.</param>
    /// <param name="mvpdId">The picked MVPD's id.</param>
    /// <param name="browser">The person's browser.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<SecondScreenStep> ChooseMvpdAsync(string? typedCode, string? mvpdId, ClientEndpoint browser, CancellationToken cancellationToken)
    {
        if (await FindAsync(typedCode, browser, cancellationToken) is not (var session, var device))
        {
            return SecondScreenStep.InvalidCode;
        }
        var mvpds = await catalog.GetAsync(device, cancellationToken);
        return mvpds.Any(m => m.Id == mvpdId)
            ? await ResumeAsync(session, device, mvpdId!, cancellationToken)
            : SecondScreenStep.UnknownMvpd(session.Code, mvpds);
    }

    // Resuming with every parameter is also how a code with a preselected MVPD is checked (the checklist's advice), and
    // Adobe answers with the authenticate URL to open.
    private async Task<SecondScreenStep> ResumeAsync(AuthenticationSession session, DeviceContext device, string mvpd, CancellationToken cancellationToken)
    {
        // The code's device's brand: its domain, and where its users land after the MVPD login.
        var brandSettings = options.Get(device.Brand);
        var parameters = new SessionParameters(mvpd, brandSettings.DomainName, brandSettings.RedirectUrl);
        UpstreamSession upstream;
        try
        {
            upstream = await adobePass.ResumeSessionAsync(device, session.Code, parameters, cancellationToken);
        }
        catch (AdobePassException e) when (IsDead(e))
        {
            return Rejected(session);
        }
        logger.SecondScreenResumed(session.DeviceKey, mvpd, upstream.ActionName);
        return upstream switch
        {
            { ActionName: "authenticate", Url: { Length: > 0 } url } => SecondScreenStep.Authenticate(url),
            { ActionName: "authorize" } => SecondScreenStep.AlreadySignedIn,
            _ => SecondScreenStep.InvalidCode,
        };
    }

    private async Task<(AuthenticationSession Session, DeviceContext Device)?> FindAsync(
        string? typedCode, ClientEndpoint browser, CancellationToken cancellationToken)
    {
        if (TypedCodes.Normalize(typedCode) is not { } code
            || await sessions.FindByCodeAsync(code, cancellationToken) is not { IsFinal: false } session
            || session.ExpiresAt <= time.GetUtcNow()
            || await devices.FindAsync(session.DeviceKey, cancellationToken) is not { } device)
        {
            return null;
        }
        return (session, device.ToContext(browser));
    }

    private SecondScreenStep Rejected(AuthenticationSession session)
    {
        logger.SecondScreenCodeRejected(session.DeviceKey);
        return SecondScreenStep.InvalidCode;
    }

    private static bool IsDead(AdobePassException e) =>
        e.Code is { } code && (UpstreamErrorCodes.IsDeadSession(code) || code == UpstreamErrorCodes.InvalidParameterMvpd);
}
