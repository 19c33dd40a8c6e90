using PassBroker.AdobePass.Contracts;
using PassBroker.AdobePass.Errors;
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

    private static Profile ToProfile(string mvpd, MvpdProfileResponse p) => new()
    {
        Mvpd = mvpd,
        NotBefore = p.NotBefore ?? throw UpstreamErrorTranslator.Malformed("Profile without notBefore."),
        NotAfter = p.NotAfter ?? throw UpstreamErrorTranslator.Malformed("Profile without notAfter."),
        Issuer = p.Issuer ?? mvpd,
        Type = p.Type ?? "regular",
        Attributes = (p.Attributes ?? new Dictionary<string, UserMetadataResponse>())
            .Where(a => a.Value.Value is not null)
            .ToDictionary(a => a.Key, a => new ProfileAttribute(a.Value.Value!.Value, a.Value.State ?? "plain")),
    };
}
