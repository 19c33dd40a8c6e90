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
}
