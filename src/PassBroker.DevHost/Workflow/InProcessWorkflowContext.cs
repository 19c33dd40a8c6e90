using System.Text.Json;
using PassBroker.Core.Workflow;

namespace PassBroker.DevHost.Workflow;

/// <summary>
/// <see cref="IWorkflowContext"/> without Durable: timers on the injected <see cref="TimeProvider"/> (a fake clock in
/// tests), activities resolved from DI and called directly. Durability comes from Table Storage instead of history:
/// the session record says what is still pending, and <see cref="InProcessWorkflowHost"/> resumes it after a restart.
/// Nothing replays here, so the workflow's logger is a plain one; a failed activity is its own exception.
/// </summary>
internal sealed class InProcessWorkflowContext(
    IServiceProvider services, TimeProvider time, ILoggerFactory loggers, string deviceKey, CancellationToken stopping) : IWorkflowContext
{
    private readonly ILogger _statusLogger = loggers.CreateLogger<InProcessWorkflowContext>();

    /// <summary>Core's workflow category, as under Durable.</summary>
    public ILogger Logger { get; } = loggers.CreateLogger(typeof(SignInPollingWorkflow).FullName!);

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
        var pollInput = input as SignInPollInput ?? throw new ArgumentException($"Activity {name} takes a {nameof(SignInPollInput)}.", nameof(input));
        await using var scope = services.CreateAsyncScope();
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
    public void SetCustomStatus(object? status) => _statusLogger.WorkflowStatus(deviceKey, JsonSerializer.Serialize(status));

    public void ContinueAsNew(object? input)
    {
        ContinuedAsNew = true;
        NextInput = input;
    }
}
