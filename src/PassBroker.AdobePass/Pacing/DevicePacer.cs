using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PassBroker.Core.Upstream;

namespace PassBroker.AdobePass.Pacing;

/// <summary>
/// One token bucket per device IP (the key Adobe throttles on: <c>X-Forwarded-For</c>), shared by every upstream
/// client of this instance. A call takes a token before it leaves; without one it waits briefly in the bucket's queue,
/// and past <see cref="PacingOptions.QueueLimit"/> or <see cref="PacingOptions.MaxQueueWait"/> it is never sent:
/// <see cref="UpstreamFailure.Paced"/> tells the app when to come back. Idle buckets refill and the partitioned
/// limiter drops full ones after a few seconds, so memory follows the number of active devices, not all devices ever seen.
/// </summary>
/// <remarks>System.Threading.RateLimiting replenishes on the real clock (it has no TimeProvider): pacing is about
/// real requests on a real network, whatever clock the business logic runs on.</remarks>
public sealed class DevicePacer : IDisposable
{
    private readonly PacingOptions _options;
    private readonly PartitionedRateLimiter<string> _buckets;

    public DevicePacer(IOptions<PacingOptions> options)
    {
        _options = options.Value;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = _options.BurstLimit,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = _options.ReplenishmentPeriod,
            QueueLimit = _options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            // The partitioned limiter replenishes its partitions on its own timer (and would copy options saying true).
            AutoReplenishment = false,
        };
        _buckets = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetTokenBucketLimiter(ip, _ => bucket));
    }

    public bool Enabled => _options.Enabled;

    /// <summary>Waits for the device IP's next token, or throws <see cref="UpstreamFailure.Paced"/>.</summary>
    /// <returns>True when the call had to wait for a token (it would have risked Adobe's 429 if sent at once).</returns>
    public async ValueTask<bool> WaitTurnAsync(string deviceIp, CancellationToken cancellationToken)
    {
        using (var immediate = _buckets.AttemptAcquire(deviceIp, 1))
        {
            if (immediate.IsAcquired)
            {
                return false;
            }
        }
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(_options.MaxQueueWait);
        RateLimitLease lease;
        try
        {
            lease = await _buckets.AcquireAsync(deviceIp, 1, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Waited as long as an app request should: the queue ahead of this call is longer than MaxQueueWait.
            throw Paced(_options.ReplenishmentPeriod);
        }
        using (lease)
        {
            if (!lease.IsAcquired)
            {
                throw Paced(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _options.ReplenishmentPeriod);
            }
        }
        return true;
    }

    /// <summary>
    /// Adobe answered 429 for this IP anyway (another instance or client spent its budget): empty the bucket so this
    /// instance, too, waits at least one period before the IP's next call (Adobe: at least 1 s after any 429).
    /// </summary>
    public void Drain(string deviceIp)
    {
        for (var i = 0; i < _options.BurstLimit; i++)
        {
            using var lease = _buckets.AttemptAcquire(deviceIp, 1);
            if (!lease.IsAcquired)
            {
                return;
            }
        }
    }

    public void Dispose() => _buckets.Dispose();

    private static AdobePassException Paced(TimeSpan retryAfter) =>
        new(UpstreamFailure.Paced, null, null, retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);
}
