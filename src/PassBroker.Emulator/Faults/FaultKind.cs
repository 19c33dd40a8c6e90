namespace PassBroker.Emulator.Faults;

/// <summary>What the emulator can do to a request instead of answering it normally.</summary>
public enum FaultKind
{
    /// <summary>An error status (503 unless the profile says otherwise) with no enhanced error body.</summary>
    Status,

    /// <summary>The answer is held back by the profile's latency, then given normally.</summary>
    Latency,

    /// <summary>No answer until the client gives up (its timeout), or a bare 504 after 100 s.</summary>
    Timeout,

    /// <summary>The connection is dropped without an answer.</summary>
    Reset,

    /// <summary>Adobe's edge 429: an HTML page, no <c>Retry-After</c> (unless the profile sets one).</summary>
    Html429,
}
