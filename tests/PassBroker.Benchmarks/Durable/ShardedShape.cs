using DurableTask.Core;

namespace PassBroker.Benchmarks.Durable;

/// <summary>Runs <see cref="ShardPollingWorkflow"/> on the Durable Task Framework through Core's context.</summary>
internal sealed class ShardOrchestration : TaskOrchestration<bool, ShardPollInput>
{
    public override async Task<bool> RunTask(OrchestrationContext context, ShardPollInput input)
    {
        await ShardPollingWorkflow.RunAsync(new CoreWorkflowContext(context), input);
        return true;
    }
}

/// <summary>
/// One shard round: the due rows of the shard's slot, each polled through the scripted upstream (the real activity would
/// run <c>CheckSignInActivity</c>'s per-sign-in logic, so logins, expiry, the second screen and the device marker are
/// written exactly as today), ended ones removed. Storage cost per round: one query page per 1,000 due rows, one delete
/// per ended sign-in.
/// </summary>
internal sealed class PollShardStandIn(PendingSignInTable pending, UpstreamScript script) : AsyncTaskActivity<ShardRoundInput, ShardRoundResult>
{
    private long _rounds;
    private long _completed;

    public long Rounds => Interlocked.Read(ref _rounds);

    public long Completed => Interlocked.Read(ref _completed);

    protected override async Task<ShardRoundResult> ExecuteAsync(TaskContext context, ShardRoundInput input)
    {
        Interlocked.Increment(ref _rounds);
        var at = pending.Clock.TimeOf(input.Tick);
        int polled = 0, completed = 0;
        await foreach (var row in pending.DueAsync(input.Shard, input.Tick, CancellationToken.None))
        {
            polled++;
            var ended = row.ExpiresAt <= at || script.Poll(row.RowKey);
            if (ended && await pending.RemoveAsync(row, CancellationToken.None))
            {
                completed++;
            }
        }
        Interlocked.Add(ref _completed, completed);
        return new ShardRoundResult(polled, completed);
    }
}
