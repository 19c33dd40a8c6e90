namespace PassBroker.Http.Logout;

/// <summary>Optional body of <c>POST /api/logout</c>: the MVPD to sign out of (else the device's current one).</summary>
public sealed record LogoutRequest(string? Mvpd);
