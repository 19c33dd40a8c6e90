namespace PassBroker.Emulator.Logout;

/// <summary>OpenAPI <c>MvpdLogoutResponse</c>; <c>url</c> only with <c>actionName=logout</c> (adobe-pass-v2.md section 5.5).</summary>
internal sealed record MvpdLogoutResponse(string ActionName, string ActionType, string Mvpd, string? Url)
{
    /// <summary>The MVPD has a logout endpoint: open <paramref name="url"/> in a user agent.</summary>
    public static MvpdLogoutResponse Interactive(string mvpd, string url) => new("logout", "interactive", mvpd, url);

    /// <summary>The profile is gone and the MVPD has no logout endpoint ("dummy logout"), or access was temporary.</summary>
    public static MvpdLogoutResponse Complete(string mvpd) => new("complete", "none", mvpd, null);

    /// <summary>No valid profile was found.</summary>
    public static MvpdLogoutResponse Invalid(string mvpd) => new("invalid", "none", mvpd, null);
}
