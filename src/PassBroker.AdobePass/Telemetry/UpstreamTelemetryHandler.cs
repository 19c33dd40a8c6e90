using System.Diagnostics;
using PassBroker.AdobePass.Errors;
using PassBroker.AdobePass.Handlers;
using PassBroker.Core.Telemetry;
using Tags = PassBroker.Core.Telemetry.PassBrokerTelemetry.Tags;

namespace PassBroker.AdobePass.Telemetry;

/// <summary>
/// The innermost handler of every upstream client, so it sees each exchange on the wire (the 401 before a token
/// refresh included): a <c>adobepass …</c> span with the operation, MVPD and Adobe's error <c>code</c>, and the
/// <c>passbroker.upstream.duration</c> / <c>passbroker.upstream.errors</c> metrics. Adobe's error body is buffered to
/// read its code; Refit reads the same buffered body afterwards. Nothing from headers or bodies but the code is kept.
/// </summary>
internal sealed class UpstreamTelemetryHandler(PassBrokerMetrics metrics) : DelegatingHandler
{
    /// <summary>Error bodies are small JSON objects; a larger one is not read for its code.</summary>
    private const int MaxErrorBodyBytes = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = UpstreamOperations.TemplateOf(request);
        var mvpd = UpstreamOperations.MvpdOf(request);
        // The brand of the device the call is for; a call for no device (the management API's) has none.
        var brand = UpstreamCall.Of(request)?.Device.Brand;
        using var span = PassBrokerTelemetry.ActivitySource.StartActivity(UpstreamOperations.SpanNameOf(request, operation));
        span?.SetTag(Tags.Operation, operation);
        span?.SetTag(Tags.Mvpd, mvpd ?? PassBrokerTelemetry.NoMvpd);
        metrics.TagBrand(span, brand);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // No answer. A timeout reaches this handler as a cancellation of its own token (the resilience pipeline's
            // attempt and total timeouts cancel it), so the token cannot tell a timeout from the app going away; the
            // latter is rare on these calls and counted as a timeout too.
            var failure = ex is OperationCanceledException ? "timed_out" : "unavailable";
            span.SetUpstreamError(failure);
            metrics.UpstreamCalled(operation, mvpd, null, failure, Stopwatch.GetElapsedTime(started), brand);
            throw;
        }

        string? code = null;
        if (!response.IsSuccessStatusCode)
        {
            code = await ErrorCodeAsync(response, cancellationToken);
            span.SetUpstreamError(code);
        }
        span?.SetTag(Tags.HttpStatus, (int)response.StatusCode);
        metrics.UpstreamCalled(operation, mvpd, (int)response.StatusCode, code, Stopwatch.GetElapsedTime(started), brand);
        return response;
    }

    /// <summary>Adobe's <c>code</c>, or PassBroker's name for the failure (<c>throttled</c>, <c>unavailable</c>, <c>http_4xx</c>).</summary>
    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? content = null;
        if (response.Content.Headers.ContentLength is null or <= MaxErrorBodyBytes)
        {
            try
            {
                await response.Content.LoadIntoBufferAsync(MaxErrorBodyBytes, cancellationToken);
                content = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (HttpRequestException)
            {
                // Too large or cut off: the status alone names the failure.
            }
        }
        var failure = UpstreamErrorTranslator.FromResponse(response.StatusCode, content, response.Headers.RetryAfter);
        return failure.Code ?? failure.Failure.ToString().ToLowerInvariant();
    }
}
