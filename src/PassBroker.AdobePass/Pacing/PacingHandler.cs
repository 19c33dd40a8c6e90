using System.Net;
using Microsoft.Extensions.Logging;
using PassBroker.AdobePass.Handlers;
using PassBroker.AdobePass.Headers;
using PassBroker.AdobePass.Telemetry;
using PassBroker.Core.Telemetry;

namespace PassBroker.AdobePass.Pacing;

/// <summary>
/// The innermost handler of the Adobe Pass clients: every request that really leaves (first attempts, retries, the
/// re-send after a 401) takes a token of its device IP's bucket first. Requests without <c>X-Forwarded-For</c> are
/// not device calls (none of the paced clients send such) and pass unpaced.
/// </summary>
internal sealed class PacingHandler(DevicePacer pacer, PassBrokerMetrics metrics, ILogger<PacingHandler> logger) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Unpaced calls pass without this handler's async frame; the header is read without parsing or copying it.
        if (!pacer.Enabled || !request.Headers.NonValidated.TryGetValues(AdobeHeaders.ForwardedFor, out var values))
        {
            return base.SendAsync(request, cancellationToken);
        }
        foreach (var ip in values)
        {
            return PacedAsync(request, ip, cancellationToken);
        }
        return base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> PacedAsync(HttpRequestMessage request, string ip, CancellationToken cancellationToken)
    {
        var deviceKey = UpstreamCall.Of(request)?.Device.DeviceKey ?? "-";
        try
        {
            if (await pacer.WaitTurnAsync(ip, cancellationToken))
            {
                metrics.PacingDelayed(UpstreamOperations.TemplateOf(request));
            }
        }
        catch (Core.Upstream.AdobePassException ex)
        {
            metrics.PacingRejected(UpstreamOperations.TemplateOf(request));
            logger.CallPaced(deviceKey, request.Method.Method, ex.RetryAfter ?? TimeSpan.Zero);
            throw;
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            logger.ThrottledDespitePacing(deviceKey, request.Method.Method);
            pacer.Drain(ip);
        }
        return response;
    }
}
