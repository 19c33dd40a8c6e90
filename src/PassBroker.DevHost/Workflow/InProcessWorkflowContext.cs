using System.Text.Json;
using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;

namespace PassBroker.DevHost.Workflow;

/// <summary>
/// <see cref="IWorkflowContext"/> without Durable: timers on the injected <see cref="TimeProvider"/> (a fake clock in
/// tests), activities resolved from DI and called directly. Durability comes from Table Storage instead of history:
/// the session record says what is still pending, and <see cref="InProcessWorkflowHost"/> resumes it after a restart.
/// Nothing replays here, so the workflow's logger is a plain one; a failed activity is its own exception.
/// </summary>
/// <param name="services">Where the activities are resolved, a scope per call.</param>
/// <param name="time">The clock (a fake one in tests).</param>
/// <param name="loggers">The workflow's and the status lines' loggers.</param>
/// <param name="subject">What the status lines name: the device key, or the shard's instance id.</param>
/// <param name="stopping">The host's shutdown.</param>
/// <param name="workflow">The Core workflow run (its full name is the logger's category); the per-sign-in one by default.</param>
internal sealed class InProcessWorkflowContext(
    IServiceProvider services, TimeProvider time, ILoggerFactory loggers, string subject, CancellationToken stopping, Type? workflow = null) : IWorkflowContext
{
    private readonly ILogger _statusLogger = loggers.CreateLogger<InProcessWorkflowContext>();

    /// <summary>Core's workflow category, as under Durable.</summary>
    public ILogger Logger { get; } = loggers.CreateLogger((workflow ?? typeof(SignInPollingWorkflow)).FullName!);

    public DateTimeOffset CurrentUtcDateTime => time.GetUtcNow();

    /// <summary>Set by <see cref="ContinueAsNew"/>; the host starts the next generation with it.</summary>
    public object? NextInput { get; private set; }

    public bool ContinuedAsNew { get; private set; }

    public Task CreateTimer(DateTimeOffset fireAt, CancellationToken cancellationToken)
    {
        var delay = fireAt - time.GetUtcNow();
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, stopping);
    }

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input)
    {
        await using var scope = services.CreateAsyncScope();
        if (name == ShardPollingWorkflow.PollShardActivity)
        {
            var round = input as ShardRoundInput ?? throw new ArgumentException($"Activity {name} takes a {nameof(ShardRoundInput)}.", nameof(input));
            return (TResult)(object)await scope.ServiceProvider.GetRequiredService<PollShardActivity>().RunAsync(round, stopping);
        }
        var pollInput = input as SignInPollInput ?? throw new ArgumentException($"Activity {name} takes a {nameof(SignInPollInput)}.", nameof(input));
        object result = name switch
        {
            WorkflowActivities.CheckSignIn => await scope.ServiceProvider.GetRequiredService<CheckSignInActivity>().RunAsync(pollInput, stopping),
            WorkflowActivities.ExpireSignIn => await scope.ServiceProvider.GetRequiredService<ExpireSignInActivity>().RunAsync(pollInput, stopping),
            WorkflowActivities.FailSignIn => await scope.ServiceProvider.GetRequiredService<FailSignInActivity>().RunAsync(pollInput, stopping),
            _ => throw new ArgumentException($"Unknown activity {name}.", nameof(name)),
        };
        return (TResult)result;
    }

    /// <summary>There is no status query in-process: the status goes to the log (Debug), as JSON like Durable's custom
    /// status, where a developer watches.</summary>
    public void SetCustomStatus(object? status) => _statusLogger.WorkflowStatus(subject, JsonSerializer.Serialize(status));

    public void ContinueAsNew(object? input)
    {
        ContinuedAsNew = true;
        NextInput = input;
    }
}
