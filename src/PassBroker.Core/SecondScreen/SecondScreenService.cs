using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;
using PassBroker.Core.Devices;
using PassBroker.Core.Mvpds;
using PassBroker.Core.Sessions;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.SecondScreen;

/// <summary>
/// The second-screen sign-in (the cookbook's AuthN_APP): a person types the code the TV shows, picks the MVPD if the
/// TV did not, and is sent to Adobe's authenticate URL. The page has no device token, only the code, so the session is
/// found by its code (<see cref="ISessionStore.FindByCodeAsync"/>) and every failure reads the same to the person.
/// The code's device gives the brand: its MVPDs, settings and the page's look. A code comes from Adobe per service
/// provider, so the page's link names the brand where the deployment has several; a code typed without one is looked up
/// under every brand, and one that more than one brand can use is not guessed at.
/// </summary>
public sealed class SecondScreenService(
    ISessionStore sessions,
    IDeviceStore devices,
    BrandCatalog brands,
    IAdobePassClient adobePass,
    MvpdCatalog catalog,
    IOptionsMonitor<SignInOptions> options,
    TimeProvider time,
    ILogger<SecondScreenService> logger)
{
    /// <summary>Checks a typed code upstream (retrieve session) and says what comes next.</summary>
    /// <param name="typedCode">The code as typed.</param>
    /// <param name="brand">The brand the page's link names (<see cref="BrandKeys"/>), or null: look under every brand.</param>
    /// <param name="browser">The person's browser: Adobe throttles per IP, and these calls are the browser's, not the TV's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<SecondScreenStep> EnterCodeAsync(string? typedCode, string? brand, ClientEndpoint browser, CancellationToken cancellationToken)
    {
        var found = await FindAsync(typedCode, brand, browser, cancellationToken);
        if (found is not { Session: { } session, Device: { } device })
        {
            return found.Step;
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
        var step = info.ExistingParameters.TryGetValue("mvpd", out var mvpd) && !string.IsNullOrEmpty(mvpd)
            ? await ResumeAsync(session, device, mvpd, cancellationToken)
            : SecondScreenStep.ChooseMvpd(session.Code, await catalog.GetAsync(device, cancellationToken));
        return step with { Brand = device.Brand };
    }

    /// <summary>Resumes the session with the MVPD the person picked, if it is one of the picker's.</summary>
    /// <param name="typedCode">The code, as the picker form carries it.</param>
    /// <param name="brand">The brand the picker form's action names (the code's), or null: look under every brand.</param>
    /// <param name="mvpdId">The picked MVPD's id.</param>
    /// <param name="browser">The person's browser.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<SecondScreenStep> ChooseMvpdAsync(string? typedCode, string? brand, string? mvpdId, ClientEndpoint browser,
        CancellationToken cancellationToken)
    {
        var found = await FindAsync(typedCode, brand, browser, cancellationToken);
        if (found is not { Session: { } session, Device: { } device })
        {
            return found.Step;
        }
        var mvpds = await catalog.GetAsync(device, cancellationToken);
        var step = mvpds.Any(m => m.Id == mvpdId)
            ? await ResumeAsync(session, device, mvpdId!, cancellationToken)
            : SecondScreenStep.UnknownMvpd(session.Code, mvpds);
        return step with { Brand = device.Brand };
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

    // Every usable session that holds the code under the brands looked at: pending, unexpired, and its device (of the
    // same brand) still there. Two brands' codes are told apart only by the link: the page then asks for it, and says
    // nothing of the brands.
    private async Task<FoundCode> FindAsync(string? typedCode, string? brand, ClientEndpoint browser, CancellationToken cancellationToken)
    {
        if (TypedCodes.Normalize(typedCode) is not { } code)
        {
            return FoundCode.None;
        }
        var usable = new List<FoundCode>();
        foreach (var session in await sessions.FindByCodeAsync(code, brand is null ? brands.All : [brand], cancellationToken))
        {
            if (!session.IsFinal && session.ExpiresAt > time.GetUtcNow()
                && await devices.FindAsync(session.DeviceKey, cancellationToken) is { } device && device.Brand == session.Brand)
            {
                usable.Add(new FoundCode(session, device.ToContext(browser)));
            }
        }
        if (usable.Count > 1)
        {
            logger.SecondScreenCodeAmbiguous(usable.Count);
            return FoundCode.Ambiguous;
        }
        return usable.Count == 1 ? usable[0] : FoundCode.None;
    }

    /// <summary>The session and device a code leads to, or (both null) the step that says why it leads nowhere.</summary>
    private sealed record FoundCode(AuthenticationSession? Session, DeviceContext? Device, SecondScreenStep? Refusal = null)
    {
        public static readonly FoundCode None = new(null, null, SecondScreenStep.InvalidCode);
        public static readonly FoundCode Ambiguous = new(null, null, SecondScreenStep.AmbiguousCode);

        public SecondScreenStep Step => Refusal ?? SecondScreenStep.InvalidCode;
    }

    private SecondScreenStep Rejected(AuthenticationSession session)
    {
        logger.SecondScreenCodeRejected(session.DeviceKey);
        return SecondScreenStep.InvalidCode;
    }

    private static bool IsDead(AdobePassException e) =>
        e.Code is { } code && (UpstreamErrorCodes.IsDeadSession(code) || code == UpstreamErrorCodes.InvalidParameterMvpd);
}
