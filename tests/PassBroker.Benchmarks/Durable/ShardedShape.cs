using DurableTask.Core;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;

namespace PassBroker.Benchmarks.Durable;

/// <summary>Runs Core's shipped <see cref="ShardPollingWorkflow"/> on the Durable Task Framework through Core's context.</summary>
internal sealed class ShardOrchestration : TaskOrchestration<ShardRound?, ShardPollInput>
{
    public override Task<ShardRound?> RunTask(OrchestrationContext context, ShardPollInput input) =>
        ShardPollingWorkflow.RunAsync(new CoreWorkflowContext(context), input);
}

/// <summary>
/// One shard round: Core's own <see cref="PollShardActivity"/> over the product's pending-sign-in table (one query page
/// per 1,000 due rows, one delete per ended sign-in), with the per-row poll scripted (<see cref="ScriptedRows"/>).
/// Counts the rounds and the sign-ins that ended, for the run's window.
/// </summary>
internal sealed class PollShardRound(PollShardActivity activity) : AsyncTaskActivity<ShardRoundInput, ShardRound>
{
    private long _rounds;
    private long _completed;

    public long Rounds => Interlocked.Read(ref _rounds);

    public long Completed => Interlocked.Read(ref _completed);

    protected override async Task<ShardRound> ExecuteAsync(TaskContext context, ShardRoundInput input)
    {
        Interlocked.Increment(ref _rounds);
        var round = await activity.RunAsync(input, CancellationToken.None);
        Interlocked.Add(ref _completed, round.Ended);
        return round;
    }
}

/// <summary>
/// The scripted stand-in for Adobe and the session rows, per row: pending until the device's
/// <see cref="UpstreamScript.PollsToLogin"/>-th poll, then authenticated (the product's activity would read and write the
/// session only then, the same in every shape). It touches no storage.
/// </summary>
internal sealed class ScriptedRows(UpstreamScript script) : ISignInRowPoller
{
    public Task<SignInCheck> CheckAsync(PendingPoll poll, CancellationToken cancellationToken) =>
        Task.FromResult(new SignInCheck(script.Poll(poll.DeviceKey) ? SessionStatus.Authenticated : SessionStatus.Pending));

    public Task<SignInCheck> ExpireAsync(SignInPollInput input, CancellationToken cancellationToken) =>
        Task.FromResult(new SignInCheck(SessionStatus.Expired, SessionEndReasons.CodeExpired));

    public Task<SignInCheck> FailAsync(SignInPollInput input, CancellationToken cancellationToken) =>
        Task.FromResult(new SignInCheck(SessionStatus.Failed, SessionEndReasons.PollingFailed));
}

/// <summary>The shards are started by the run itself, before its window.</summary>
internal sealed class StartedShards : IShardHost
{
    public Task EnsureRunningAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
