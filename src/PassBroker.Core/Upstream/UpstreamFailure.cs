namespace PassBroker.Core.Upstream;

/// <summary>How an upstream call failed, which decides whether and when it may be tried again.</summary>
public enum UpstreamFailure
{
    /// <summary>Adobe answered with an error object (enhanced or OAuth-style). See <see cref="AdobePassException.Error"/>.</summary>
    Rejected,

    /// <summary>HTTP 429 (an HTML page from Adobe's edge). Wait at least one second, or <c>Retry-After</c>.</summary>
    Throttled,

    /// <summary>No usable answer: connection failure, timeout, or a 5xx without an error object.</summary>
    Unavailable,

    /// <summary>Adobe did not answer in time (per-attempt or total timeout). It may have done the work anyway.</summary>
    TimedOut,

    /// <summary>
    /// Never sent: the device has used the calls Adobe's throttle allows (per device IP) and waiting briefly was not
    /// enough. PassBroker holds the call back rather than earn a 429; <see cref="AdobePassException.RetryAfter"/> says when.
    /// </summary>
    Paced,
}
