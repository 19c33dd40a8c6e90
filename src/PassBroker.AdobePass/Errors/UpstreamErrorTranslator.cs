using System.Net;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using PassBroker.AdobePass.Contracts;
using PassBroker.Core.Errors;
using PassBroker.Core.Upstream;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace PassBroker.AdobePass.Errors;

/// <summary>
/// Turns whatever Adobe (or the network) did into an <see cref="AdobePassException"/>: enhanced error objects,
/// OAuth-style DCR errors, HTML 429 pages from Adobe's edge, 5xx without a body, timeouts and connection failures.
/// Nothing above this class sees Refit or HTTP types.
/// </summary>
internal static class UpstreamErrorTranslator
{
    /// <summary>Runs an upstream call and translates its failure.</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException ex)
        {
            throw FromResponse(ex.StatusCode, ex.Content, ex.Headers.RetryAfter, ex);
        }
        catch (Exception ex) when (FromPipeline(ex is ApiRequestException { InnerException: { } inner } ? inner : ex) is { } failure)
        {
            throw failure;
        }
        catch (ApiRequestException ex) when (ex.InnerException is AdobePassException or PassBrokerException or OperationCanceledException
            && ex.InnerException is not TaskCanceledException { InnerException: TimeoutException })
        {
            // No response: Refit wraps what our handlers threw (a failed token refresh) or the caller's cancellation.
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        catch (ApiRequestException ex)
        {
            throw new AdobePassException(UpstreamFailure.Unavailable, null, null, innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AdobePassException(UpstreamFailure.Unavailable, null, null, innerException: ex);
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            throw new AdobePassException(UpstreamFailure.Unavailable, null, null, innerException: ex);
        }
        catch (JsonException ex)
        {
            throw Malformed("Adobe answered with JSON PassBroker could not read.", ex);
        }
    }

    public static AdobePassException FromResponse(HttpStatusCode status, string? content, System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter, Exception? inner = null)
    {
        var code = (int)status;
        if (status == HttpStatusCode.TooManyRequests)
        {
            // Adobe's throttle lifts one second after the first 429 and promises no Retry-After (section 7).
            var wait = retryAfter?.Delta is { } delta && delta > TimeSpan.FromSeconds(1) ? delta : TimeSpan.FromSeconds(1);
            return new AdobePassException(UpstreamFailure.Throttled, code, null, wait, inner);
        }

        var error = TryReadError(content);
        if (error is not null)
        {
            return new AdobePassException(UpstreamFailure.Rejected, code, error, innerException: inner);
        }
        return code >= 500
            ? new AdobePassException(UpstreamFailure.Unavailable, code, null, retryAfter?.Delta, inner)
            : new AdobePassException(UpstreamFailure.Rejected, code, new UpstreamError { Code = $"http_{code}", Status = code }, innerException: inner);
    }

    /// <summary>The resilience pipeline gave up before Adobe answered: too slow, or the circuit is open.</summary>
    public static AdobePassException? FromPipeline(Exception exception) => exception switch
    {
        TimeoutRejectedException timeout => new AdobePassException(UpstreamFailure.TimedOut, null, null, innerException: timeout),
        BrokenCircuitException open => new AdobePassException(UpstreamFailure.Unavailable, null, null, open.RetryAfter, open),
        _ => null,
    };

    public static AdobePassException Malformed(string what, Exception? inner = null) =>
        new(UpstreamFailure.Rejected, null, new UpstreamError { Code = "malformed_response", Message = what }, innerException: inner);

    private static UpstreamError? TryReadError(string? content)
    {
        if (string.IsNullOrWhiteSpace(content) || content.TrimStart()[0] != '{')
        {
            return null;
        }
        try
        {
            var info = JsonSerializer.Deserialize(content, AdobePassJsonContext.Default.ErrorInformation);
            return info is null ? null : ToUpstreamError(info);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An enhanced error (or an OAuth-style DCR error) as Core's <see cref="UpstreamError"/>; null when it is neither.</summary>
    public static UpstreamError? ToUpstreamError(ErrorInformation info) => info switch
    {
        { Code: { Length: > 0 } c } => new UpstreamError
        {
            Code = c,
            Action = info.Action ?? UpstreamActions.None,
            Status = info.Status,
            Message = MessageText(info.Message),
            Details = info.Details,
            HelpUrl = info.HelpUrl,
            Trace = info.Trace,
        },
        { OAuthError: { Length: > 0 } e } => new UpstreamError { Code = e, Action = UpstreamActions.ApplicationRegistration },
        _ => null,
    };

    // The spec types message as an object; in practice it is a string.
    private static string? MessageText(JsonElement? message) => message switch
    {
        { ValueKind: JsonValueKind.String } m => m.GetString(),
        { ValueKind: JsonValueKind.Object or JsonValueKind.Array } m => m.GetRawText(),
        _ => null,
    };
}
