using PassBroker.Core.Sessions;
using PassBroker.Http.Profiles;

namespace PassBroker.Http.Sessions;

internal static class SessionMapping
{
    public static SessionResponse ToResponse(this SignInStart start)
    {
        var upstream = start.Upstream;
        if (start.Session is not { } session)
        {
            return new SessionResponse
            {
                Status = SessionStatus.Authenticated,
                Reason = upstream.ReasonType,
                Mvpd = upstream.Mvpd,
                ActionName = upstream.ActionName,
            };
        }
        return session.ToResponse() with
        {
            ActionName = upstream.ActionName,
            MissingParameters = upstream.MissingParameters.Count > 0 ? upstream.MissingParameters : null,
            LoginUrl = upstream.ActionName == "authenticate" ? upstream.Url : null,
        };
    }

    public static SessionResponse ToResponse(this AuthenticationSession session) => new()
    {
        Code = session.Code,
        Status = session.Status,
        // An ended sign-in says why it has no profile: how it ended, or where its profile went (delivered, signed out).
        Reason = session.EndReason ?? session.ProfileReleased,
        Mvpd = session.Mvpd,
        StatusUrl = Routes.SessionPath(session.Code),
        ExpiresAt = session.ExpiresAt,
        CompletedAt = session.CompletedAt,
        Profile = session.Profile?.ToResponse(),
    };
}
