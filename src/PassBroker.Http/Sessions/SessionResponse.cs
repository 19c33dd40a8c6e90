using PassBroker.Core.Sessions;
using PassBroker.Http.Profiles;

namespace PassBroker.Http.Sessions;

/// <summary>
/// A sign-in as the app sees it. While <see cref="Status"/> is <c>pending</c> the app shows <see cref="Code"/> (and
/// opens or shows <see cref="LoginUrl"/>), and reads <see cref="StatusUrl"/> (with <c>?wait=</c>) until it changes.
/// </summary>
public sealed record SessionResponse
{
    public string? Code { get; init; }
    public required SessionStatus Status { get; init; }

    /// <summary>Why it ended without a profile (<c>code_expired</c>, <c>replaced</c>, <c>polling_failed</c>: a fault on
    /// PassBroker's side, start a new sign-in, …); for an authenticated sign-in whose profile is no longer here, where
    /// it went (<c>profile_delivered</c>: an earlier answer carried it, read <c>GET /api/profiles</c>; <c>signed_out</c>);
    /// or, for a sign-in that was not needed, Adobe's reason (<c>authenticated</c>, <c>temporary</c>, <c>degraded</c>).</summary>
    public string? Reason { get; init; }

    public string? Mvpd { get; init; }

    /// <summary>Adobe's next action when the session was created: <c>authenticate</c>, <c>resume</c> or <c>authorize</c>.</summary>
    public string? ActionName { get; init; }

    /// <summary>Parameters Adobe still needs (e.g. <c>mvpd</c>, picked on the second screen).</summary>
    public IReadOnlyList<string>? MissingParameters { get; init; }

    /// <summary>Adobe's MVPD login page for this code, to open in a browser (when the MVPD is known).</summary>
    public string? LoginUrl { get; init; }

    /// <summary>PassBroker's second-screen page for this code (<c>…/authn?code=…</c>, and <c>&amp;brand=…</c> where the
    /// deployment serves several brands): a TV without a browser shows it as text or a QR code next to <see cref="Code"/>.
    /// Only in the answer that starts a sign-in.</summary>
    public string? SecondScreenUrl { get; init; }

    public string? StatusUrl { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public ProfileResponse? Profile { get; init; }
}
