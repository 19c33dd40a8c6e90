using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow.Sharded;

namespace PassBroker.DevHost.Workflow;

/// <summary>
/// Runs Core's <see cref="ShardPollingWorkflow"/> inside the DevHost under <c>SignIn:PollingShape = Sharded</c>: one
/// loop per shard from the host's start, on the injected clock, over the same pending-sign-in table the Functions
/// app's shards read. The rows are the durable state, so a restart starts the shards again and they carry on with
/// what is pending. Under the per-sign-in shape nothing runs (the pending sessions are resumed as workflows).
/// </summary>
internal sealed class InProcessShardHost(
    IServiceProvider services,
    IOptions<SignInOptions> options,
    TimeProvider time,
    ILoggerFactory loggers,
    ILogger<InProcessShardHost> logger) : IHostedService, IShardHost, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _shards = [];

    /// <summary>The shards run from the host's start; nothing to do per sign-in.</summary>
    public Task EnsureRunningAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Starts the shard loops. Each runs synchronously up to its first timer, so when this returns every shard
    /// waits on its first tick (tests moving a fake clock rely on that).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.PollingShape == SignInPollingShape.Sharded)
        {
            var clock = ShardClock.From(options.Value);
            var firstTick = clock.TickAtOrAfter(time.GetUtcNow());
            for (var shard = 0; shard < options.Value.Shards; shard++)
            {
                _shards.Add(RunAsync(new ShardPollInput(shard, clock, firstTick)));
            }
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        // Not past the host's shutdown deadline: a round cut short loses nothing, its rows are due again next time.
        await Task.WhenAll(_shards).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(ShardPollInput input)
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var context = new InProcessWorkflowContext(services, time, loggers, input.InstanceId, _stopping.Token, typeof(ShardPollingWorkflow));
                await ShardPollingWorkflow.RunAsync(context, input);
                if (!context.ContinuedAsNew)
                {
                    return;
                }
                input = (ShardPollInput)context.NextInput!;
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the rows stay, and the next start's shards poll them.
        }
        catch (Exception ex)
        {
            // The workflow handles every round's failure itself; this would be a bug in the loop.
            logger.ShardFailed(ex, input.InstanceId);
        }
    }
}
