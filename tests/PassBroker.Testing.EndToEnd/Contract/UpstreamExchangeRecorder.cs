using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using PassBroker.Emulator.Faults;

namespace PassBroker.Testing.EndToEnd.Contract;

/// <summary>
/// Middleware the test host puts in front of the emulator's pipeline (an <see cref="IStartupFilter"/>): it records every
/// exchange on Adobe's APIs as it crossed the wire, after all of PassBroker's handlers (token, device headers, the
/// resilience retries and the 401 re-send) and whichever of PassBroker's three upstream clients sent it. The emulator's
/// own hooks under <c>/emulator</c> are not recorded.
/// </summary>
public sealed class UpstreamExchangeRecorder : IStartupFilter
{
    private const int MaxExchanges = 100_000;
    private readonly ConcurrentQueue<UpstreamExchange> _exchanges = new();

    /// <summary>The exchanges so far, oldest first.</summary>
    public IReadOnlyList<UpstreamExchange> Exchanges => [.. _exchanges];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(RecordAsync);
        next(app);
    };

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/emulator") || _exchanges.Count >= MaxExchanges)
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        var original = context.Response.Body;
        using var copy = new MemoryStream();
        context.Response.Body = new TeeStream(original, copy);
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            // A request its client gave up on before any answer (PassBroker's attempt timeout under the fault matrix's
            // latency) has no answer to check: its status is the server's default 200 and its body empty.
            if (!(context.RequestAborted.IsCancellationRequested && copy.Length == 0))
            {
                _exchanges.Enqueue(new UpstreamExchange(
                    context.Request.Method,
                    context.Request.Path.Value ?? "",
                    context.Request.QueryString.Value ?? "",
                    context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                    await RequestBodyAsync(context.Request),
                    context.Response.StatusCode,
                    context.Response.ContentType,
                    copy.ToArray(),
                    context.Features.Get<InjectedFaultFeature>()?.Kind));
            }
        }
    }

    private static async Task<byte[]> RequestBodyAsync(HttpRequest request)
    {
        try
        {
            request.Body.Position = 0;
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            return body.ToArray();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // An aborted request (an injected reset, a client that gave up): its body is gone, and the exchange is
            // excluded anyway as an injected fault or has nothing to check.
            return [];
        }
    }
}
