using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;
using PassBroker.Core.Workflow;

namespace PassBroker.Functions.Workflow;

/// <summary>
/// Core's <see cref="IWorkflowContext"/> over Durable's <see cref="TaskOrchestrationContext"/>, one call for one call.
/// Its timer also listens for <see cref="SignInReplacedEvent"/>: a newer sign-in of the device raises it, the pending
/// timer is cancelled (every Durable timer must fire or be cancelled before the orchestration completes), and the
/// workflow polls at once, finds its session ended and completes. The shard workflows have no one sign-in to be
/// replaced: their context (<paramref name="workflow"/> not the per-sign-in one) waits on the timer alone.
/// </summary>
/// <param name="context">Durable's orchestration context.</param>
/// <param name="workflow">The Core workflow run: its full name is the logger's category.</param>
internal sealed class DurableWorkflowContext(TaskOrchestrationContext context, Type? workflow = null) : IWorkflowContext
{
    /// <summary>Raised (by <see cref="DurableWorkflowStarter"/>) on the older orchestrations of a device.</summary>
    public const string SignInReplacedEvent = "SignInReplaced";

    /// <summary>Whether <see cref="ContinueAsNew"/> was called; the orchestrator returns at once then.</summary>
    public bool ContinuedAsNew { get; private set; }

    /// <summary>Whether a <see cref="SignInReplacedEvent"/> cut a timer short.</summary>
    public bool Replaced { get; private set; }

    /// <summary>Core's workflow category; Durable writes through it only when the code runs for the first time, not on replays.</summary>
    public ILogger Logger { get; } = context.CreateReplaySafeLogger((workflow ?? typeof(SignInPollingWorkflow)).FullName!);

    private readonly bool _listensForReplacement = workflow is null || workflow == typeof(SignInPollingWorkflow);

    // Durable's clock is a UTC DateTime (Kind Utc); Core's is a DateTimeOffset.
    public DateTimeOffset CurrentUtcDateTime => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    public async Task CreateTimer(DateTimeOffset fireAt, CancellationToken cancellationToken)
    {
        if (Replaced || !_listensForReplacement)
        {
            // The event came (and is spent) and the poll it hurried found the session final, unless that poll failed:
            // then this is the workflow's back-off before it tries again, and it must really wait. (Or no event comes.)
            await context.CreateTimer(fireAt.UtcDateTime, cancellationToken);
            return;
        }

        using var timerCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var eventCancellation = new CancellationTokenSource();
        var timer = context.CreateTimer(fireAt.UtcDateTime, timerCancellation.Token);
        var replaced = context.WaitForExternalEvent<bool>(SignInReplacedEvent, eventCancellation.Token);

        // Cancel(), never CancelAsync(): an orchestrator runs on Durable's own single-threaded scheduler, and CancelAsync
        // runs the callbacks on the thread pool and resumes there, after the episode has ended with no new action to
        // record, so the orchestration would wait for ever. Cancel() runs Durable's callbacks here, synchronously.
        var winner = await Task.WhenAny(timer, replaced);
        if (winner == replaced)
        {
            Replaced = true;
            timerCancellation.Cancel();
        }
        else
        {
            eventCancellation.Cancel();
        }
    }

    public Task<TResult> CallActivityAsync<TResult>(string name, object? input) => context.CallActivityAsync<TResult>(name, input);

    /// <summary>
    /// A failed activity arrives as a <see cref="TaskFailedException"/> whose details keep the activity's exception type
    /// by name only: the classification goes through <see cref="TaskFailureDetails.IsCausedBy(Type)"/>.
    /// </summary>
    public WorkflowFailure DescribeFailure(Exception exception) => exception is TaskFailedException { FailureDetails: { } details }
        ? new WorkflowFailure(details.ErrorType, TransientFailures.IsTransient(details.IsCausedBy))
        : WorkflowFailure.Of(exception);

    public void SetCustomStatus(object? status) => context.SetCustomStatus(status);

    public void ContinueAsNew(object? input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ContinuedAsNew = true;
        context.ContinueAsNew(input);
    }
}
