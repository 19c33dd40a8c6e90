namespace PassBroker.Core.Upstream;

/// <summary>An Adobe Pass call failed. Thrown by the adapter so that use cases never see HTTP or Refit types.</summary>
public sealed class AdobePassException : Exception
{
    public AdobePassException(UpstreamFailure failure, int? httpStatus, UpstreamError? error, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(Describe(failure, httpStatus, error), innerException)
    {
        Failure = failure;
        HttpStatus = httpStatus;
        Error = error;
        RetryAfter = retryAfter;
    }

    public AdobePassException() : this(UpstreamFailure.Unavailable, null, null) { }
    public AdobePassException(string message) : base(message) { }
    public AdobePassException(string message, Exception innerException) : base(message, innerException) { }

    public UpstreamFailure Failure { get; }
    public int? HttpStatus { get; }
    public UpstreamError? Error { get; }

    /// <summary>How long to wait before another call, when the failure says so (429, Retry-After).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when the same call may succeed later without anything changing on our side.</summary>
    public bool IsTransient => Failure is UpstreamFailure.Throttled or UpstreamFailure.Unavailable or UpstreamFailure.TimedOut or UpstreamFailure.Paced
        || Error?.Action == UpstreamActions.Retry;

    /// <summary>True when Adobe gave no usable answer (down, circuit open, or too slow): the same for every item of a call.</summary>
    public bool IsOutage => Failure is UpstreamFailure.Unavailable or UpstreamFailure.TimedOut;

    /// <summary>The Adobe error code, or null when there was no error object.</summary>
    public string? Code => Error?.Code;

    // The message carries codes and statuses only: upstream messages may echo request data, so they stay out of logs.
    private static string Describe(UpstreamFailure failure, int? status, UpstreamError? error) =>
        $"Adobe Pass call failed: {failure}, HTTP {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, code {error?.Code ?? "-"}, action {error?.Action ?? "-"}.";
}
