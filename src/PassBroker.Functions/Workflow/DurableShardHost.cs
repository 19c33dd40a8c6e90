using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow.Sharded;

namespace PassBroker.Functions.Workflow;

/// <summary>
/// Starts the shard orchestrations on a sign-in under the sharded shape, through the invocation's Durable client (the
/// isolated worker has none at startup): each fixed instance id that is not running is scheduled, so a second start,
/// on this instance or another, finds it running. A process checks at most every <see cref="ShardCheck.Every"/>, so
/// a shard that failed or was terminated is started again by the next sign-in after that.
/// </summary>
internal sealed class DurableShardHost(
    DurableClientHolder holder, ShardCheck check, IOptions<SignInOptions> options, TimeProvider time, ILogger<DurableShardHost> logger) : IShardHost
{
    private static readonly OrchestrationRuntimeStatus[] Alive =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    public async Task EnsureRunningAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!check.IsDue(now))
        {
            return;
        }
        var client = holder.Client
            ?? throw new InvalidOperationException("No Durable client for this invocation: the function must bind [DurableClient] and put it in DurableClientHolder.");
        var clock = ShardClock.From(options.Value);
        try
        {
            for (var shard = 0; shard < options.Value.Shards; shard++)
            {
                var id = ShardPollInput.InstanceIdOf(shard);
                var existing = await client.GetInstanceAsync(id, cancellationToken);
                if (existing is not null && Alive.Contains(existing.RuntimeStatus))
                {
                    continue;
                }
                var input = new ShardPollInput(shard, clock, clock.TickAtOrAfter(now));
                await client.ScheduleNewOrchestrationInstanceAsync(ShardPollingWorkflow.Name, input, new StartOrchestrationOptions { InstanceId = id }, cancellationToken);
                logger.ShardStarted(id);
            }
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted)
        {
            // As for the per-sign-in start: the task hub not answering is storage down (503), not a bug. The row is
            // written, so the next sign-in's check starts the shards.
            throw new StoreUnavailableException("The Durable task hub did not answer.", e);
        }
        check.Verified(now);
    }
}

/// <summary>When this process last found every shard running (one per process).</summary>
internal sealed class ShardCheck
{
    /// <summary>How long a check holds: a shard gone meanwhile waits at most this long for the next sign-in to restart it.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    private long _verifiedAtTicks = long.MinValue;

    public bool IsDue(DateTimeOffset now) => Interlocked.Read(ref _verifiedAtTicks) is var at && (at == long.MinValue || now.UtcTicks - at >= Every.Ticks);

    public void Verified(DateTimeOffset now) => Interlocked.Exchange(ref _verifiedAtTicks, now.UtcTicks);
}
