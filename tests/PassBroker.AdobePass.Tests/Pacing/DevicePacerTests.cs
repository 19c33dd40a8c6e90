using Microsoft.Extensions.Options;
using PassBroker.AdobePass.Pacing;
using PassBroker.Core.Upstream;

namespace PassBroker.AdobePass.Tests.Pacing;

/// <summary>
/// The per-device-IP token bucket. System.Threading.RateLimiting replenishes on the real clock, so these tests use
/// periods long enough that no token arrives while they run, and assert on who passes, waits or is refused, not on speed.
/// </summary>
public sealed class DevicePacerTests
{
    private const string Ip = "198.51.100.7";

    private static DevicePacer Pacer(int burst = 3, int queue = 1, double periodSeconds = 60, double maxWaitSeconds = 30) => new(Options.Create(new PacingOptions
    {
        BurstLimit = burst,
        QueueLimit = queue,
        ReplenishmentPeriod = TimeSpan.FromSeconds(periodSeconds),
        MaxQueueWait = TimeSpan.FromSeconds(maxWaitSeconds),
    }));

    [Fact]
    public async Task Burst_PassesAtOnce_ThenOneWaits_ThenTheRestAreRefusedWithRetryAfter()
    {
        using var pacer = Pacer();

        for (var i = 0; i < 3; i++)
        {
            Assert.True(pacer.WaitTurnAsync(Ip, CancellationToken.None).IsCompletedSuccessfully);
        }
        using var leave = new CancellationTokenSource();
        var queued = pacer.WaitTurnAsync(Ip, leave.Token).AsTask();
        var refused = await Assert.ThrowsAsync<AdobePassException>(() => pacer.WaitTurnAsync(Ip, CancellationToken.None).AsTask());

        Assert.False(queued.IsCompleted);
        Assert.Equal(UpstreamFailure.Paced, refused.Failure);
        Assert.True(refused.RetryAfter >= TimeSpan.FromSeconds(1));
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
    }

    [Fact]
    public async Task Queued_LongerThanMaxQueueWait_IsRefused()
    {
        using var pacer = Pacer(burst: 1, queue: 5, maxWaitSeconds: 0.2);
        await pacer.WaitTurnAsync(Ip, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<AdobePassException>(() => pacer.WaitTurnAsync(Ip, CancellationToken.None).AsTask());

        Assert.Equal(UpstreamFailure.Paced, refused.Failure);
    }

    [Fact]
    public async Task Queued_GetsTheNextToken()
    {
        using var pacer = Pacer(burst: 1, periodSeconds: 0.2);
        Assert.False(await pacer.WaitTurnAsync(Ip, CancellationToken.None)); // from the burst: no wait

        var queued = pacer.WaitTurnAsync(Ip, CancellationToken.None).AsTask();

        Assert.True(await queued.WaitAsync(TimeSpan.FromSeconds(10))); // held back: counted as a 429 avoided
    }

    [Fact]
    public void DeviceIps_HaveTheirOwnBuckets()
    {
        using var pacer = Pacer(burst: 1, queue: 0);

        Assert.True(pacer.WaitTurnAsync(Ip, CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(pacer.WaitTurnAsync("203.0.113.9", CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Drain_AfterAnUpstream429_LeavesNoTokenForTheIp()
    {
        using var pacer = Pacer(burst: 5, queue: 0);
        await pacer.WaitTurnAsync(Ip, CancellationToken.None);

        pacer.Drain(Ip);

        await Assert.ThrowsAsync<AdobePassException>(() => pacer.WaitTurnAsync(Ip, CancellationToken.None).AsTask());
        Assert.True(pacer.WaitTurnAsync("203.0.113.9", CancellationToken.None).IsCompletedSuccessfully);
    }
}
