using System.Net;
using System.Text.Json;
using Polly;
using Polly.Timeout;

namespace PassBroker.AdobePass.Resilience;

/// <summary>What one attempt's outcome means for retrying and for the circuit breaker.</summary>
internal enum UpstreamOutcome
{
    /// <summary>An answer to pass on (success, or an error that repeating would not change).</summary>
    Final,

    /// <summary>No usable answer: connection failure, attempt timeout, 502/503/504, or a 500 without a specific action.</summary>
    Outage,

    /// <summary>429: Adobe's throttle for this device IP (not an outage: it says nothing about Adobe's health).</summary>
    Throttled,

    /// <summary>An error object whose <c>action</c> is <c>retry</c> (a partner timed out behind Adobe).</summary>
    RetryAction,
}

internal static class UpstreamOutcomes
{
    /// <summary>Reads the outcome; for an error status it buffers the (small) body to see Adobe's <c>action</c>, so
    /// the client still reads it afterwards.</summary>
    public static async ValueTask<UpstreamOutcome> ClassifyAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException ? UpstreamOutcome.Outage : UpstreamOutcome.Final;
        }

        var response = outcome.Result!;
        var status = response.StatusCode;
        if ((int)status < 400)
        {
            return UpstreamOutcome.Final;
        }
        if (status == HttpStatusCode.TooManyRequests)
        {
            return UpstreamOutcome.Throttled;
        }
        if (status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            return UpstreamOutcome.Outage;
        }

        var action = await ReadActionAsync(response.Content, cancellationToken);
        return action switch
        {
            "retry" => UpstreamOutcome.RetryAction,
            // Adobe's internal_server_error (action none) may pass; a configuration error (500 too) will not.
            null or "none" when status == HttpStatusCode.InternalServerError => UpstreamOutcome.Outage,
            _ => UpstreamOutcome.Final,
        };
    }

    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Delete || method == HttpMethod.Options;

    /// <summary>The wait a 429 or 503 asks for: <c>Retry-After</c> as seconds or as a date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static async ValueTask<string?> ReadActionAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }
        try
        {
            await content.LoadIntoBufferAsync(cancellationToken);
            using var json = JsonDocument.Parse(await content.ReadAsStreamAsync(cancellationToken));
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String
                ? action.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
