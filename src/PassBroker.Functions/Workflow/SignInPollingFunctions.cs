using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PassBroker.Core.Workflow;

namespace PassBroker.Functions.Workflow;

/// <summary>
/// Core's <see cref="SignInPollingWorkflow"/> as a Durable orchestration, and its activities. The orchestrator only
/// adapts: the loop, the timers and the decisions are Core's, so the DevHost's in-process host runs the same code.
/// </summary>
internal sealed class SignInPollingFunctions(CheckSignInActivity check, ExpireSignInActivity expire, FailSignInActivity fail)
{
    [Function(SignInPollingWorkflow.Name)]
    public static async Task<SignInCheck?> RunOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var logger = context.CreateReplaySafeLogger<SignInPollingFunctions>();
        var input = context.GetInput<SignInPollInput>()
            ?? throw new InvalidOperationException($"The {SignInPollingWorkflow.Name} orchestration needs a {nameof(SignInPollInput)}.");

        var workflow = new DurableWorkflowContext(context);
        // A failed activity (a TaskFailedException) is retried by the workflow after a jittered back-off, deterministic
        // for replays, when its failure may pass (storage down past the activity's own retries); an hour past the
        // code's expiry, or at once for any other failure, the workflow logs it and fails the orchestration.
        var result = await SignInPollingWorkflow.RunAsync(workflow, input);

        if (workflow.ContinuedAsNew)
        {
            logger.PollingContinuedAsNew(context.InstanceId, input.PollsSoFar + SignInPollingWorkflow.PollsPerGeneration);
        }
        else
        {
            if (workflow.Replaced)
            {
                logger.PollingReplaced(context.InstanceId);
            }
            logger.PollingEnded(context.InstanceId, result?.Status.ToString() ?? "none");
        }
        return result;
    }

    [Function(WorkflowActivities.CheckSignIn)]
    public Task<SignInCheck> CheckSignIn([ActivityTrigger] SignInPollInput input, CancellationToken cancellationToken) =>
        check.RunAsync(input, cancellationToken);

    [Function(WorkflowActivities.ExpireSignIn)]
    public Task<SignInCheck> ExpireSignIn([ActivityTrigger] SignInPollInput input, CancellationToken cancellationToken) =>
        expire.RunAsync(input, cancellationToken);

    [Function(WorkflowActivities.FailSignIn)]
    public Task<SignInCheck> FailSignIn([ActivityTrigger] SignInPollInput input, CancellationToken cancellationToken) =>
        fail.RunAsync(input, cancellationToken);
}
