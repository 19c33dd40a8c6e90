using System.Globalization;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator.Sessions;

/// <summary>Builds the create/resume answers of adobe-pass-v2.md section 4.2.</summary>
internal static class SessionResponses
{
    public const string Authenticated = "authenticated";
    public const string Temporary = "temporary";

    /// <summary>A session that has a code: <c>authenticate</c> when complete, otherwise <c>resume</c> (create) or <c>retry</c> (resume).</summary>
    public static SessionResponse ForCode(AuthenticationSession session, bool resumed)
    {
        var serviceProvider = session.Device.ServiceProvider;
        var missing = session.Parameters.Missing;
        var (actionName, actionType, url, missingParameters) = missing.Count == 0
            ? ("authenticate", "interactive", AuthenticateUrl(serviceProvider, session.Code), null)
            : (resumed ? "retry" : "resume", "direct", SessionUrl(serviceProvider, session.Code), missing);

        return new SessionResponse(
            actionName,
            actionType,
            "none",
            missingParameters,
            url,
            session.Code,
            session.SessionId,
            session.Parameters.Mvpd,
            serviceProvider,
            ToEpochString(session.NotBefore),
            ToEpochString(session.NotAfter));
    }

    /// <summary>
    /// Go straight to decisions: a profile exists or the MVPD is TempPass. Create answers without a code; resume keeps
    /// its code, which the [DOC] marks required on resume (adobe-pass-v2.md section 4.1).
    /// </summary>
    public static SessionResponse Authorize(
        string serviceProvider, string mvpd, string reasonType, string sessionId, AuthenticationSession? resumed) => new(
        "authorize",
        "direct",
        reasonType,
        null,
        $"/api/v2/{Uri.EscapeDataString(serviceProvider)}/decisions/authorize/{Uri.EscapeDataString(mvpd)}",
        resumed?.Code,
        sessionId,
        mvpd,
        serviceProvider,
        null,
        null);

    public static string AuthenticateUrl(string serviceProvider, string code) =>
        $"/api/v2/authenticate/{Uri.EscapeDataString(serviceProvider)}/{code}";

    public static string ToEpochString(DateTimeOffset value) =>
        value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static string SessionUrl(string serviceProvider, string code) =>
        $"/api/v2/{Uri.EscapeDataString(serviceProvider)}/sessions/{code}";
}
