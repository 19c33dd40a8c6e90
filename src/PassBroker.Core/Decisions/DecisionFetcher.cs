using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;
using PassBroker.Core.Telemetry;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Decisions;

/// <summary>
/// Asks Adobe for decisions in upstream-sized batches and retries only the items marked <c>retry</c>, at most
/// <see cref="DecisionsOptions.MaxRetries"/> times with a growing pause. A failed call is answered per item with its
/// error, so top-level and item-level errors are handled one way (adobe-pass-v2.md section 8).
/// </summary>
public sealed class DecisionFetcher(IAdobePassClient adobePass, IOptions<DecisionsOptions> options, TimeProvider time)
{
    private readonly DecisionsOptions _options = options.Value;

    public Task<IReadOnlyDictionary<string, Decision>> PreauthorizeAsync(DeviceContext device, string mvpd, IReadOnlyList<string> resources, CancellationToken cancellationToken) =>
        FetchAsync(resources, _options.PreauthorizeBatchSize, batch => adobePass.PreauthorizeAsync(device, mvpd, batch, cancellationToken), mvpd, cancellationToken);

    /// <summary>
    /// The same rounds as <see cref="FetchAsync"/> for one resource, without its batching (chunks, a dictionary, a
    /// list per answer, two closures): authorize runs before every play.
    /// </summary>
    public async Task<Decision> AuthorizeAsync(DeviceContext device, string mvpd, string resource, CancellationToken cancellationToken)
    {
        using var span = StartSpan(mvpd, 1);
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0)
            {
                await PauseAsync(attempt, cancellationToken);
            }
            Decision decision;
            try
            {
                decision = await adobePass.AuthorizeAsync(device, mvpd, resource, cancellationToken);
            }
            catch (AdobePassException ex) when (IsEveryItemsAnswer(ex))
            {
                decision = Failed(resource, mvpd, ex);
            }
            if (attempt >= _options.MaxRetries || !ShouldRetry(decision))
            {
                return decision;
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, Decision>> FetchAsync(
        IReadOnlyList<string> resources, int batchSize, Func<IReadOnlyList<string>, Task<IReadOnlyList<Decision>>> call, string mvpd, CancellationToken cancellationToken)
    {
        using var span = StartSpan(mvpd, resources.Count);
        var results = new Dictionary<string, Decision>(StringComparer.Ordinal);
        IReadOnlyList<string> pending = resources;
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            if (attempt > 0)
            {
                await PauseAsync(attempt, cancellationToken);
            }
            // One batch after another: Adobe throttles per device IP, and a burst of parallel calls would spend it.
            foreach (var batch in pending.Chunk(batchSize))
            {
                foreach (var decision in await CallAsync(call, batch, mvpd))
                {
                    results[decision.Resource] = decision;
                }
            }
            pending = attempt < _options.MaxRetries ? pending.Where(r => ShouldRetry(results[r])).ToList() : [];
        }
        return results;
    }

    private static async Task<IReadOnlyList<Decision>> CallAsync(Func<IReadOnlyList<string>, Task<IReadOnlyList<Decision>>> call, string[] batch, string mvpd)
    {
        try
        {
            return await call(batch);
        }
        catch (AdobePassException ex) when (IsEveryItemsAnswer(ex))
        {
            return batch.Select(r => Failed(r, mvpd, ex)).ToList();
        }
    }

    // One span over the batches and their retries: the upstream calls are its children.
    private static System.Diagnostics.Activity? StartSpan(string mvpd, int resources)
    {
        var span = PassBrokerTelemetry.ActivitySource.StartActivity("passbroker.decisions.fetch");
        span?.SetTag(PassBrokerTelemetry.Tags.Mvpd, mvpd);
        span?.SetTag(PassBrokerTelemetry.Tags.Resources, resources);
        return span;
    }

    private Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(_options.RetryDelay * (1 << (attempt - 1)), time, cancellationToken);

    private static Decision Failed(string resource, string mvpd, AdobePassException ex) => new()
    {
        Resource = resource,
        Mvpd = mvpd,
        Authorized = false,
        Error = ex.Error ?? new UpstreamError { Code = Errors.ErrorCodes.UpstreamUnavailable, Action = UpstreamActions.Retry, Status = ex.HttpStatus },
    };

    /// <summary>
    /// An outage (retry), an error whose action says what to do, or a deny (403) applies to each item alike. The rest
    /// goes straight back to the app: a throttled or paced device must wait (Retry-After) before any further call, a 400 is about
    /// the request (say, an unknown MVPD), and a malformed answer is nobody's decision.
    /// </summary>
    private static bool IsEveryItemsAnswer(AdobePassException ex) =>
        ex.IsOutage
        || (ex.Failure == UpstreamFailure.Rejected && ex.Error is { } error && (error.Action != UpstreamActions.None || error.Status == 403));

    private static bool ShouldRetry(Decision decision) => !decision.Authorized && decision.Error?.Action == UpstreamActions.Retry;
}
