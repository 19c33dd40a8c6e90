namespace PassBroker.Core.Sessions;

/// <summary>
/// Why a sign-in no longer holds the profile it produced (<see cref="AuthenticationSession.ProfileReleased"/>), shown to
/// apps as the status's <c>reason</c>. The profile itself is still Adobe's: <c>GET /api/profiles</c> reads it.
/// </summary>
public static class ProfileReleaseReasons
{
    /// <summary>A status answer carried it to the device; it is not kept for a second one.</summary>
    public const string Delivered = "profile_delivered";

    /// <summary>The user signed out (<c>POST /api/logout</c>).</summary>
    public const string SignedOut = "signed_out";
}
