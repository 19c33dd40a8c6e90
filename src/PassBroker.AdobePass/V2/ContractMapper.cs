using PassBroker.AdobePass.Contracts;
using PassBroker.AdobePass.Errors;
using PassBroker.Core.Profiles;
using PassBroker.Core.Upstream;

namespace PassBroker.AdobePass.V2;

/// <summary>Adobe's DTOs to Core's records. Anything a required field lacks is a malformed answer, not a null.</summary>
internal static class ContractMapper
{
    public static IReadOnlyList<Mvpd> ToMvpds(ConfigurationResponse response) =>
        (response.Requestor?.Mvpds ?? [])
            .Where(m => !string.IsNullOrEmpty(m.Id))
            .Select(m => new Mvpd(m.Id!, m.DisplayName ?? m.Id!, m.LogoUrl, m.IsTempPass ?? false, m.IsProxy ?? false, m.BoardingStatus))
            .ToList();

    public static UpstreamSession ToSession(SessionResponse response, Uri baseUrl) => new()
    {
        ActionName = response.ActionName ?? throw UpstreamErrorTranslator.Malformed("Session response without actionName."),
        ActionType = response.ActionType ?? "",
        ReasonType = response.ReasonType ?? "",
        MissingParameters = response.MissingParameters ?? [],
        // Adobe's URLs are host-relative (section 1.1); the app needs them absolute.
        Url = response.Url is { Length: > 0 } url ? new Uri(baseUrl, url).ToString() : null,
        Code = response.Code,
        SessionId = response.SessionId,
        Mvpd = response.Mvpd,
        NotBefore = response.NotBefore,
        NotAfter = response.NotAfter,
    };

    public static UpstreamSessionInfo ToSessionInfo(SessionStatusResponse response) => new(
        response.ExistingParameters ?? new Dictionary<string, string>(),
        response.MissingParameters ?? [],
        response.NotBefore,
        response.NotAfter);

    public static IReadOnlyList<Profile> ToProfiles(ProfilesResponse response) =>
        (response.Profiles ?? new Dictionary<string, MvpdProfileResponse>())
            .Select(p => ToProfile(p.Key, p.Value))
            .ToList();

    /// <summary>Decisions in the order of <paramref name="resources"/>; a resource Adobe left out is a malformed answer.</summary>
    public static IReadOnlyList<Decision> ToDecisions(DecisionsResponse response, string mvpd, IReadOnlyList<string> resources)
    {
        var byResource = (response.Decisions ?? []).Where(d => d.Resource is not null).ToLookup(d => d.Resource!, StringComparer.Ordinal);
        return resources.Select(r => byResource[r].FirstOrDefault() is { } d
            ? ToDecision(d, mvpd)
            : throw UpstreamErrorTranslator.Malformed("A decision for a requested resource was missing.")).ToList();
    }

    public static IReadOnlyList<LogoutAction> ToLogoutActions(LogoutResponse response, Uri baseUrl) =>
        (response.Logouts ?? new Dictionary<string, MvpdLogoutResponse>())
            .Select(l => new LogoutAction(
                l.Value.Mvpd ?? l.Key,
                l.Value.ActionName ?? throw UpstreamErrorTranslator.Malformed("Logout entry without actionName."),
                l.Value.ActionType ?? "none",
                // The logout URL may be absolute or host-relative (section 1.1); new Uri(base, url) handles both.
                l.Value.Url is { Length: > 0 } url ? new Uri(baseUrl, url).ToString() : null))
            .ToList();

    private static Decision ToDecision(DecisionResponse d, string mvpd) => new()
    {
        Resource = d.Resource!,
        Mvpd = d.Mvpd ?? mvpd,
        Authorized = d.Authorized ?? false,
        Source = d.Source ?? "mvpd",
        NotBefore = d.NotBefore,
        NotAfter = d.NotAfter,
        Token = d.Token is { SerializedToken: { Length: > 0 } token } t ? new MediaToken(token, t.NotBefore, t.NotAfter) : null,
        // A deny without an error object still needs a reason the app can act on.
        Error = (d.Error is { } e ? UpstreamErrorTranslator.ToUpstreamError(e) : null)
            ?? (d.Authorized == true ? null : new UpstreamError { Code = "authorization_denied", Action = UpstreamActions.None }),
    };

    private static Profile ToProfile(string mvpd, MvpdProfileResponse p) => new()
    {
        Mvpd = mvpd,
        NotBefore = p.NotBefore ?? throw UpstreamErrorTranslator.Malformed("Profile without notBefore."),
        NotAfter = p.NotAfter ?? throw UpstreamErrorTranslator.Malformed("Profile without notAfter."),
        Issuer = p.Issuer ?? mvpd,
        Type = p.Type ?? "regular",
        Attributes = (p.Attributes ?? new Dictionary<string, UserMetadataResponse>())
            .Where(a => a.Value.Value is not null)
            .ToDictionary(a => a.Key, a => new ProfileAttribute(a.Value.Value!.Value, a.Value.State ?? ProfileAttributeStates.Plain)),
    };
}
