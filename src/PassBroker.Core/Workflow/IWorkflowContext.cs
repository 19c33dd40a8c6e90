using Microsoft.Extensions.Logging;

namespace PassBroker.Core.Workflow;

/// <summary>
/// What a PassBroker workflow may do. It mirrors the part of Durable Functions' <c>TaskOrchestrationContext</c>
/// the polling workflow needs, so the Functions app adapts it one to one and the DevHost runs it in-process.
/// Workflow code obeys Durable's determinism rules: time only from <see cref="CurrentUtcDateTime"/>, waiting only
/// through <see cref="CreateTimer"/>, and all I/O inside activities.
/// </summary>
public interface IWorkflowContext
{
    /// <summary>The replay-safe current time.</summary>
    DateTimeOffset CurrentUtcDateTime { get; }

    /// <summary>A durable timer that fires at <paramref name="fireAt"/>.</summary>
    Task CreateTimer(DateTimeOffset fireAt, CancellationToken cancellationToken);

    /// <summary>Runs an activity by name (see <see cref="WorkflowActivities"/>) and returns its result.</summary>
    Task<TResult> CallActivityAsync<TResult>(string name, object? input);

    /// <summary>
    /// What <paramref name="exception"/>, thrown by <see cref="CallActivityAsync{TResult}"/>, says of the activity's
    /// failure. In-process it is the activity's own exception (the default); Durable wraps it in a
    /// <c>TaskFailedException</c> that keeps only its type name, so that host reads the failure from there.
    /// </summary>
    WorkflowFailure DescribeFailure(Exception exception) => WorkflowFailure.Of(exception);

    /// <summary>The workflow's own logger. Replay-safe: an event is written once, not again each time Durable replays
    /// the code that wrote it.</summary>
    ILogger Logger { get; }

    /// <summary>Publishes a small status object for whoever watches the workflow.</summary>
    void SetCustomStatus(object? status);

    /// <summary>Restarts the workflow with <paramref name="input"/> and fresh history; the caller returns right after.</summary>
    void ContinueAsNew(object? input);
}
