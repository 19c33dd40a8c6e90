using System.Collections.Concurrent;
using DurableTask.Core;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;

namespace PassBroker.Benchmarks.Durable;

/// <summary>
/// The shape PassBroker ships today: one orchestration per pending sign-in running <see cref="SignInPollingWorkflow"/>
/// unchanged (timer, then one <c>CheckSignIn</c> activity per poll, ContinueAsNew every 20 polls).
/// </summary>
internal sealed class PerSignInOrchestration : TaskOrchestration<SignInCheck?, SignInPollInput>
{
    private CoreWorkflowContext? _context;

    public override Task<SignInCheck?> RunTask(OrchestrationContext context, SignInPollInput input)
    {
        _context = new CoreWorkflowContext(context);
        return SignInPollingWorkflow.RunAsync(_context, input);
    }

    public override string? GetStatus() => _context?.Status is { } status ? System.Text.Json.JsonSerializer.Serialize(status) : null;
}

/// <summary>
/// The scripted stand-in for Adobe and PassBroker's session rows: a sign-in is pending until its
/// <see cref="UpstreamScript.PollsToLogin"/>-th poll, then authenticated. It touches no storage, so what the counter sees
/// is the Durable provider's own traffic (PassBroker's own per-poll reads come on top, the same in every shape).
/// </summary>
internal sealed class CheckSignInStandIn(UpstreamScript script) : AsyncTaskActivity<SignInPollInput, SignInCheck>
{
    protected override Task<SignInCheck> ExecuteAsync(TaskContext context, SignInPollInput input) =>
        Task.FromResult(script.Poll(input.DeviceKey) ? new SignInCheck(SessionStatus.Authenticated) : new SignInCheck(SessionStatus.Pending));
}

/// <summary>How many polls each device's user takes to log in, and the polls and logins seen so far.</summary>
internal sealed class UpstreamScript(int pollsToLogin)
{
    private readonly ConcurrentDictionary<string, int> _polls = new(StringComparer.Ordinal);
    private int _logins;
    private long _totalPolls;

    public int PollsToLogin { get; } = pollsToLogin;

    public int Logins => Volatile.Read(ref _logins);

    public long TotalPolls => Interlocked.Read(ref _totalPolls);

    /// <summary>One poll of the device: true when the user has logged in by now (counted once per device).</summary>
    public bool Poll(string deviceKey)
    {
        Interlocked.Increment(ref _totalPolls);
        var polls = _polls.AddOrUpdate(deviceKey, 1, (_, n) => n + 1);
        if (polls == PollsToLogin)
        {
            Interlocked.Increment(ref _logins);
        }
        return polls >= PollsToLogin;
    }
}
