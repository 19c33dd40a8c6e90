using Microsoft.AspNetCore.Http;
using PassBroker.Core.Errors;
using PassBroker.Core.Secrets;
using PassBroker.Core.Upstream;

namespace PassBroker.Http.Problems;

/// <summary>
/// Maps every failure PassBroker knows to a <see cref="PassBrokerException"/> with a stable code: one table for both
/// hosts (their one exception handler: the Functions app runs the DevHost's middleware). Null means "a bug": answer 500.
/// </summary>
public static class ProblemMapper
{
    public static PassBrokerException? Map(Exception exception) => exception switch
    {
        PassBrokerException known => known,
        AdobePassException upstream => FromUpstream(upstream),
        StoreUnavailableException => new(503, ErrorCodes.StorageUnavailable, "Storage is unavailable.", "Try again shortly.") { RetryAfterSeconds = 5 },
        MissingSecretException => new(503, ErrorCodes.ServiceMisconfigured, "PassBroker is not fully configured.",
            "A secret it needs is missing; the operators have been told in the logs."),
        ConcurrencyConflictException => new(409, ErrorCodes.ConcurrencyConflict, "The resource changed while this request ran.", "Try again."),
        BadHttpRequestException bad => FromBadRequest(bad),
        _ => null,
    };

    private static PassBrokerException FromBadRequest(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => new(413, ErrorCodes.PayloadTooLarge, "The request body is too large."),
        StatusCodes.Status415UnsupportedMediaType => new(415, ErrorCodes.UnsupportedMediaType, "Send the body as application/json."),
        _ => new(400, ErrorCodes.BadRequest, "The request could not be read."),
    };

    private static PassBrokerException FromUpstream(AdobePassException upstream)
    {
        var problem = upstream switch
        {
            { Failure: UpstreamFailure.Throttled } => new PassBrokerException(503, ErrorCodes.UpstreamThrottled,
                "Adobe Pass is throttling this device.", "Wait and try again.")
            { RetryAfterSeconds = Seconds(upstream.RetryAfter, 1) },
            { Failure: UpstreamFailure.Paced } => new PassBrokerException(429, ErrorCodes.RateLimited,
                "This device is asking faster than Adobe Pass allows.", "Wait for Retry-After seconds before the next request.")
            { RetryAfterSeconds = Seconds(upstream.RetryAfter, 1) },
            { Failure: UpstreamFailure.TimedOut } => new PassBrokerException(504, ErrorCodes.UpstreamTimeout,
                "Adobe Pass did not answer in time.", "Try again shortly.") { RetryAfterSeconds = Seconds(upstream.RetryAfter, 5) },
            { Failure: UpstreamFailure.Unavailable } or { Error.Action: UpstreamActions.Retry } => new PassBrokerException(503,
                ErrorCodes.UpstreamUnavailable, "Adobe Pass is unavailable.", "Try again shortly.") { RetryAfterSeconds = Seconds(upstream.RetryAfter, 5) },
            { Error.Code: UpstreamErrorCodes.InvalidParameterMvpd } => new PassBrokerException(400, ErrorCodes.UnknownMvpd,
                "Unknown MVPD.", "Adobe Pass knows no MVPD of that id integrated with this service; see GET /api/mvpds."),
            { Error.Action: UpstreamActions.Authentication } => new PassBrokerException(403, ErrorCodes.AuthenticationRequired,
                "The user must sign in with their TV provider.", upstream.Error.Message),
            { Error.Action: UpstreamActions.Configuration } => new PassBrokerException(502, ErrorCodes.UpstreamMisconfigured,
                "Adobe Pass reports a configuration problem.", "The operators have to fix the integration; retrying will not help."),
            _ => new PassBrokerException(502, ErrorCodes.UpstreamRejected, "Adobe Pass refused the request.", upstream.Error?.Message),
        };
        if (upstream.Error is { } error)
        {
            problem.Extensions["upstreamCode"] = error.Code;
            problem.Extensions["upstreamAction"] = error.Action;
            problem.Extensions["upstreamTrace"] = error.Trace;
            problem.Extensions["upstreamStatus"] = upstream.HttpStatus;
        }
        return problem;
    }

    // Whole seconds, rounded up: a client that waits what the header says must not come back a fraction too early.
    private static int Seconds(TimeSpan? wait, int fallback) =>
        wait is { } w && w > TimeSpan.Zero ? (int)Math.Ceiling(w.TotalSeconds) : fallback;
}
