using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PassBroker.Core.Workflow.Sharded;

namespace PassBroker.Functions.Workflow;

/// <summary>
/// Core's <see cref="ShardPollingWorkflow"/> as an eternal Durable orchestration (one instance per shard, fixed ids,
/// started by <see cref="DurableShardHost"/>), and its round activity. The orchestrator only adapts, as
/// <see cref="SignInPollingFunctions"/> does.
/// </summary>
internal sealed class ShardPollingFunctions(PollShardActivity poll)
{
    [Function(ShardPollingWorkflow.Name)]
    public static async Task<ShardRound?> RunOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<ShardPollInput>()
            ?? throw new InvalidOperationException($"The {ShardPollingWorkflow.Name} orchestration needs a {nameof(ShardPollInput)}.");
        return await ShardPollingWorkflow.RunAsync(new DurableWorkflowContext(context, typeof(ShardPollingWorkflow)), input);
    }

    [Function(ShardPollingWorkflow.PollShardActivity)]
    public Task<ShardRound> PollShard([ActivityTrigger] ShardRoundInput input, CancellationToken cancellationToken) =>
        poll.RunAsync(input, cancellationToken);
}
