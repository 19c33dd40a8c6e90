using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;

namespace PassBroker.Core.Tests.Workflow;

/// <summary>
/// A hand-written <see cref="IWorkflowContext"/>: timers move its clock instantly, activities answer from a script,
/// and every call is recorded, so the workflow's timing can be asserted exactly. A script may throw, as a failed
/// activity does; <paramref name="expireFails"/> says which expiry attempts (1, 2…) fail (storage down), and
/// <paramref name="failSignIn"/> answers the marking of a stopped sign-in (by default it is marked failed).
/// </summary>
internal sealed class ScriptedWorkflowContext(
    DateTimeOffset start, Func<int, SignInCheck> checkAnswer, Func<int, bool>? expireFails = null, Func<SignInCheck>? failSignIn = null)
    : IWorkflowContext
{
    /// <summary>What the workflow logged.</summary>
    public FakeLogger Log { get; } = new();

    public ILogger Logger => Log;

    public DateTimeOffset CurrentUtcDateTime { get; private set; } = start;
    public List<DateTimeOffset> Timers { get; } = [];
    public List<(string Name, DateTimeOffset At)> Activities { get; } = [];
    private object? _continuedWith;

    /// <summary>The input the workflow continued as new with, if it did; cleared by reading.</summary>
    public object? TakeContinuation()
    {
        var input = _continuedWith;
        _continuedWith = null;
        return input;
    }

    public Task CreateTimer(DateTimeOffset fireAt, CancellationToken cancellationToken)
    {
        Assert.True(fireAt > CurrentUtcDateTime, "A timer must fire in the future.");
        Timers.Add(fireAt);
        CurrentUtcDateTime = fireAt;
        return Task.CompletedTask;
    }

    public Task<TResult> CallActivityAsync<TResult>(string name, object? input)
    {
        Activities.Add((name, CurrentUtcDateTime));
        var calls = Activities.Count(a => a.Name == name);
        if (name == WorkflowActivities.ExpireSignIn && expireFails?.Invoke(calls) == true)
        {
            throw new StoreUnavailableException("The expiry could not be written.");
        }
        object result = name switch
        {
            WorkflowActivities.CheckSignIn => checkAnswer(calls),
            WorkflowActivities.FailSignIn => failSignIn?.Invoke() ?? new SignInCheck(SessionStatus.Failed, SessionEndReasons.PollingFailed),
            _ => new SignInCheck(SessionStatus.Expired, SessionEndReasons.CodeExpired),
        };
        return Task.FromResult((TResult)result);
    }

    public List<object?> Statuses { get; } = [];

    public void SetCustomStatus(object? status) => Statuses.Add(status);

    public void ContinueAsNew(object? input) => _continuedWith = input;
}
