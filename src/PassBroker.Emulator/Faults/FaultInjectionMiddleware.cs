using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Emulator.Faults;

/// <summary>
/// Runs before every emulated API: first Adobe's throttle (when on), then the injected fault, if any. The emulator's
/// own hooks under <c>/emulator</c> are never faulted or throttled.
/// </summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, FaultInjector faults, AdobeThrottle throttle, ILogger<FaultInjectionMiddleware> logger)
{
    // Adobe's edge answers with an openresty page (adobe-pass-v2.md section 7).
    private static readonly TimeSpan EdgeTimeout = TimeSpan.FromSeconds(100);

    private const string ThrottledPage = "<html><head><title>429 Too Many Requests</title></head><body><center><h1>429 Too Many Requests</h1></center><hr><center>openresty</center></body></html>";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/emulator"))
        {
            await next(context);
            return;
        }

        faults.CountRequest();
        var forwardedFor = ForwardedIp(context.Request.Headers["X-Forwarded-For"]);
        if (throttle.Enabled && forwardedFor is not null && AdobeThrottle.IsThrottledPath(context.Request.Path) && !throttle.TryPass(forwardedFor))
        {
            context.Features.Set(new InjectedFaultFeature("throttled"));
            await WriteThrottledAsync(context, retryAfterSeconds: null);
            return;
        }

        FaultProfile? profile;
        if (context.Request.Headers.TryGetValue(FaultProfile.HeaderName, out var header))
        {
            if (!FaultProfile.TryParse(header, out profile, out var error))
            {
                context.Features.Set(new InjectedFaultFeature("bad-fault-header"));
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync(error);
                return;
            }
        }
        else
        {
            profile = forwardedFor is null ? null : faults.Default;
        }

        if (profile is null || faults.Decide(profile) is not { } fault)
        {
            await next(context);
            return;
        }

        logger.FaultInjected(fault, context.Request.Method, context.Request.Path);
        if (fault != FaultKind.Latency)
        {
            context.Features.Set(new InjectedFaultFeature(fault.ToString()));
        }

        switch (fault)
        {
            case FaultKind.Latency:
                // Network time is real time, whatever clock the emulator's business runs on.
                await Task.Delay(profile.Latency, context.RequestAborted);
                await next(context);
                break;
            case FaultKind.Timeout:
                // Silent until the client gives up; a client that never does gets the edge's 504 after HttpClient's 100 s.
                await Task.Delay(EdgeTimeout, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (!context.RequestAborted.IsCancellationRequested)
                {
                    context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
                }
                break;
            case FaultKind.Reset:
                context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
                context.Abort();
                break;
            case FaultKind.Html429:
                await WriteThrottledAsync(context, profile.RetryAfterSeconds);
                break;
            default:
                context.Response.StatusCode = profile.Status;
                SetRetryAfter(context, profile.RetryAfterSeconds);
                await context.Response.WriteAsync($"Injected fault: HTTP {profile.Status}");
                break;
        }
    }

    private static async Task WriteThrottledAsync(HttpContext context, int? retryAfterSeconds)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = AdobeResults.HtmlContentType;
        SetRetryAfter(context, retryAfterSeconds);
        await context.Response.WriteAsync(ThrottledPage);
    }

    private static void SetRetryAfter(HttpContext context, int? seconds)
    {
        if (seconds is { } s)
        {
            context.Response.Headers.RetryAfter = s.ToString(CultureInfo.InvariantCulture);
        }
    }

    // The device IP as Adobe reads it: the first address, without a port.
    private static string? ForwardedIp(string? header)
    {
        var first = header?.Split(',')[0].Trim();
        if (string.IsNullOrEmpty(first))
        {
            return null;
        }
        return System.Net.IPEndPoint.TryParse(first, out var endpoint) ? endpoint.Address.ToString() : first;
    }
}
