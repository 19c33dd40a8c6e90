using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PassBroker.AdobePass.Resilience;

/// <summary>
/// The Polly pipeline on each Adobe Pass client, outermost first: a total timeout; retries (jittered exponential
/// backoff, <c>Retry-After</c> honoured, at least 1 s after a 429) for idempotent calls only; a circuit breaker that
/// counts outages (not 429s, not Adobe's refusals); a per-attempt timeout. POSTs are never repeated here: a session
/// create, a DCR registration or an authorize may have taken effect at Adobe even when its answer was lost
/// (decisions have their own item-level retries in Core's <c>DecisionFetcher</c>).
/// </summary>
internal static class UpstreamResilience
{
    public const string PipelineName = "adobe-pass";

    /// <summary>Random spread added to a 429's wait, so devices throttled together do not come back together.</summary>
    private static readonly TimeSpan ThrottleJitter = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan MinimumThrottleWait = TimeSpan.FromSeconds(1);

    public static IHttpClientBuilder AddUpstreamResilience(this IHttpClientBuilder client)
    {
        client.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var services = context.ServiceProvider;
            var options = services.GetRequiredService<IOptions<ResilienceOptions>>().Value;
            var attemptTimeout = services.GetRequiredService<IOptions<AdobePassOptions>>().Value.RequestTimeout;
            var time = services.GetRequiredService<TimeProvider>();
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UpstreamResilience).FullName!);
            var name = context.BuilderName;

            pipeline
                .AddTimeout(new TimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout })
                .AddRetry(Retry(options, time, logger))
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
                {
                    FailureRatio = options.BreakerFailureRatio,
                    MinimumThroughput = options.BreakerMinimumThroughput,
                    SamplingDuration = options.BreakerSamplingDuration,
                    BreakDuration = options.BreakDuration,
                    ShouldHandle = async args => await UpstreamOutcomes.ClassifyAsync(args.Outcome, args.Context.CancellationToken) == UpstreamOutcome.Outage,
                    OnOpened = args =>
                    {
                        logger.CircuitOpened(name, args.BreakDuration);
                        return ValueTask.CompletedTask;
                    },
                    OnClosed = _ =>
                    {
                        logger.CircuitClosed(name);
                        return ValueTask.CompletedTask;
                    },
                })
                .AddTimeout(new TimeoutStrategyOptions { Name = "attempt", Timeout = attemptTimeout });
        });
        return client;
    }

    private static RetryStrategyOptions<HttpResponseMessage> Retry(ResilienceOptions options, TimeProvider time, ILogger logger) => new()
    {
        MaxRetryAttempts = Math.Max(1, options.MaxRetries),
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryBaseDelay,
        ShouldHandle = async args =>
        {
            if (options.MaxRetries == 0 || Request(args.Context, args.Outcome) is not { } request || !UpstreamOutcomes.IsIdempotent(request.Method))
            {
                return false;
            }
            var outcome = await UpstreamOutcomes.ClassifyAsync(args.Outcome, args.Context.CancellationToken);
            if (outcome == UpstreamOutcome.Final)
            {
                return false;
            }
            // A wait longer than an app should hang on goes back to the app as Retry-After.
            return args.Outcome.Result is not { } response || !(UpstreamOutcomes.RetryAfter(response, time.GetUtcNow()) > options.MaxRetryAfter);
        },
        DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome.Result, time)),
        OnRetry = args =>
        {
            var method = Request(args.Context, args.Outcome)?.Method.Method ?? "-";
            var reason = args.Outcome.Exception?.GetType().Name ?? ((int)args.Outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            logger.UpstreamRetry(method, args.AttemptNumber + 1, args.RetryDelay, reason);
            return ValueTask.CompletedTask;
        },
    };

    /// <summary>What the server asked for: after a 429 its <c>Retry-After</c>, else at least 1 s (Adobe sends none and
    /// lifts the throttle 1 s after the first 429), plus jitter; after a 503 its <c>Retry-After</c>. Null: the backoff.</summary>
    private static TimeSpan? ServerDelay(HttpResponseMessage? response, TimeProvider time)
    {
        if (response is null)
        {
            return null;
        }
        var asked = UpstreamOutcomes.RetryAfter(response, time.GetUtcNow());
        if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests)
        {
            return asked;
        }
        var wait = asked is { } a && a > MinimumThrottleWait ? a : MinimumThrottleWait;
        return wait + ThrottleJitter * Random.Shared.NextDouble();
    }

    private static HttpRequestMessage? Request(ResilienceContext context, Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.RequestMessage ?? context.GetRequestMessage();
}
