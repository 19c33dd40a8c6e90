using DurableTask.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PassBroker.Core.Workflow;

namespace PassBroker.Benchmarks.Durable;

/// <summary>
/// Core's <see cref="IWorkflowContext"/> over the Durable Task Framework's <see cref="OrchestrationContext"/> (what the
/// Functions host runs underneath durabletask-dotnet), one call for one call, so the benchmark replays PassBroker's own
/// workflow code on the Azure Storage provider. Unlike the Functions adapter its timers do not also wait for the
/// "replaced" event: waiting for an event that never comes costs no storage request.
/// </summary>
internal sealed class CoreWorkflowContext(OrchestrationContext context) : IWorkflowContext
{
    public object? Status { get; private set; }

    // The benchmark counts storage requests; the workflow's failure log lines are not what it measures.
    public ILogger Logger => NullLogger.Instance;

    public bool ContinuedAsNew { get; private set; }

    public DateTimeOffset CurrentUtcDateTime => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    public Task CreateTimer(DateTimeOffset fireAt, CancellationToken cancellationToken) =>
        context.CreateTimer(fireAt.UtcDateTime, true, cancellationToken);

    public Task<TResult> CallActivityAsync<TResult>(string name, object? input) => context.ScheduleTask<TResult>(name, "", input);

    public void SetCustomStatus(object? status) => Status = status;

    public void ContinueAsNew(object? input)
    {
        ContinuedAsNew = true;
        context.ContinueAsNew(input);
    }
}
