namespace PassBroker.Http.Sessions;

/// <summary>Body of <c>POST /api/authentication/sessions</c>. Without <c>mvpd</c> the user picks the provider on a
/// second screen.</summary>
public sealed record StartSessionRequest(string? Mvpd);
