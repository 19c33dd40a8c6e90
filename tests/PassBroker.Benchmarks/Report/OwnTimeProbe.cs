using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace PassBroker.Benchmarks.Report;

/// <summary>
/// Benchmark-only: PassBroker's own time per request, i.e. the time its pipeline spends on a request minus the time the
/// request waits for Adobe (the emulator). A middleware in front of the DevHost's pipeline times each request; a
/// handler innermost in every upstream <see cref="HttpClient"/> (next to the socket, after PassBroker's own handlers:
/// bearer token, resilience, pacing) times each upstream exchange to its last body byte and charges it to the request
/// it belongs to (through the request's execution context). Nothing of it exists in production.
/// </summary>
internal sealed class OwnTimeProbe : IStartupFilter
{
    private static readonly AsyncLocal<RequestClock?> Current = new();
    private ConcurrentQueue<double> _ownMs = new();

    /// <summary>Starts a new sample set.</summary>
    public void Reset() => _ownMs = new ConcurrentQueue<double>();

    /// <summary>Own milliseconds of every request that called upstream since <see cref="Reset"/>.</summary>
    public IReadOnlyList<double> Samples => [.. _ownMs];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            var clock = new RequestClock();
            Current.Value = clock;
            var started = Stopwatch.GetTimestamp();
            await following(context);
            var total = Stopwatch.GetElapsedTime(started);
            // Requests that did not reach Adobe (registration, sign-in pages) are not authorizes: left out.
            if (clock.UpstreamTicks > 0)
            {
                _ownMs.Enqueue((total - TimeSpan.FromTicks(Interlocked.Read(ref clock.UpstreamTicks))).TotalMilliseconds);
            }
        });
        next(app);
    };

    /// <summary>The upstream timer, for <c>HttpClientFactoryOptions.HttpMessageHandlerBuilderActions</c>.</summary>
    public static DelegatingHandler UpstreamTimer() => new UpstreamTimerHandler();

    private sealed class RequestClock
    {
        public long UpstreamTicks;
    }

    private sealed class UpstreamTimerHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken);
            // To the last byte: the caller buffers the body anyway, and reading it is the emulator's time, not ours.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            if (Current.Value is { } clock)
            {
                Interlocked.Add(ref clock.UpstreamTicks, Stopwatch.GetElapsedTime(started).Ticks);
            }
            return response;
        }
    }
}
