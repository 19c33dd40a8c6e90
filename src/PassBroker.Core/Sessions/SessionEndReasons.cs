namespace PassBroker.Core.Sessions;

/// <summary>Stable reasons a sign-in ended without a profile, shown to apps next to the status.</summary>
public static class SessionEndReasons
{
    /// <summary>The code's window (about 30 minutes) ran out before the user signed in.</summary>
    public const string CodeExpired = "code_expired";

    /// <summary>The device started a newer sign-in; Adobe invalidates the older code.</summary>
    public const string Replaced = "replaced";

    /// <summary>Adobe no longer knows the code (expired or replaced on its side).</summary>
    public const string UpstreamSessionInvalid = "upstream_session_invalid";

    /// <summary>Adobe refused the polling calls for a reason that will not go away by waiting (e.g. configuration).</summary>
    public const string UpstreamRejected = "upstream_rejected";

    /// <summary>PassBroker stopped following the sign-in on a fault of its own that waiting would not fix (logged with
    /// the failure's type); the app starts a new sign-in.</summary>
    public const string PollingFailed = "polling_failed";
}
