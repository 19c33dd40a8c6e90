namespace PassBroker.Http.Logout;

/// <summary>Per MVPD: <c>logout</c>/<c>interactive</c> means open <see cref="Url"/> in a browser to finish at the MVPD;
/// <c>complete</c>/<c>none</c> means done; <c>invalid</c> means there was nothing to log out of.</summary>
public sealed record LogoutActionResponse(string Mvpd, string ActionName, string ActionType, string? Url);
