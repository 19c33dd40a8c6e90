using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;

namespace PassBroker.Core.Tests.Workflow;

/// <summary>
/// A hand-written <see cref="IWorkflowContext"/>: timers move its clock instantly, activities answer from a script,
/// and every call is recorded, so the workflow's timing can be asserted exactly.
/// </summary>
internal sealed class ScriptedWorkflowContext(DateTimeOffset start, Func<int, SignInCheck> checkAnswer) : IWorkflowContext
{
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
        var checks = Activities.Count(a => a.Name == WorkflowActivities.CheckSignIn);
        object result = name == WorkflowActivities.CheckSignIn
            ? checkAnswer(checks)
            : new SignInCheck(SessionStatus.Expired, SessionEndReasons.CodeExpired);
        return Task.FromResult((TResult)result);
    }

    public void SetCustomStatus(object? status)
    {
    }

    public void ContinueAsNew(object? input) => _continuedWith = input;
}
