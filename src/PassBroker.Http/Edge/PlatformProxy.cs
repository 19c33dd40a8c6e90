namespace PassBroker.Http.Edge;

/// <summary>The hop in front of PassBroker that the hosting platform itself puts there (<c>Http:PlatformProxy</c>).</summary>
public enum PlatformProxy
{
    /// <summary>None: requests reach PassBroker's own server directly (the DevHost).</summary>
    None,

    /// <summary>
    /// The Azure Functions host, which hands every HTTP request to the isolated worker over loopback and sets
    /// <c>X-Forwarded-For</c> to the caller's address as the host saw it (replacing whatever the caller sent). Loopback
    /// (127.0.0.0/8, ::1) is trusted for that one hop; only the worker's own process listens there.
    /// </summary>
    FunctionsHost,
}
