using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;

namespace PassBroker.Core.Tests.Workflow;

/// <summary>
/// Which failed activities the workflow retries: only those that may pass, each round logged; any other stops it at
/// once, logged, with the sign-in marked failed.
/// </summary>
public sealed class SignInPollingFailureTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private static readonly SignInPollInput Input = new("devicekey", "ABC1234", Start + TimeSpan.FromMinutes(30), Interval);

    [Fact]
    public async Task RunAsync_PollHitsABug_FailsAtOnceLoggedAndMarksTheSignInFailed()
    {
        var context = new ScriptedWorkflowContext(Start, n => n == 1
            ? new SignInCheck(SessionStatus.Pending)
            : throw new InvalidOperationException("Sequence contains no elements"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SignInPollingWorkflow.RunAsync(context, Input));

        // No retry: the second poll failed, the sign-in was marked failed, and nothing waited after it.
        Assert.Equal([WorkflowActivities.CheckSignIn, WorkflowActivities.CheckSignIn, WorkflowActivities.FailSignIn],
            context.Activities.Select(a => a.Name));
        Assert.Equal(2, context.Timers.Count);
        var logged = Assert.Single(context.Log.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Error, 1741), (logged.Level, logged.Id.Id));
        Assert.Same(error, logged.Exception);
        Assert.Contains("System.InvalidOperationException", logged.Message, StringComparison.Ordinal);
        Assert.Contains("poll 2", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MarkingTheStoppedSignInFailsToo_LogsThatAndReportsTheFirstFailure()
    {
        var context = new ScriptedWorkflowContext(Start, _ => throw new NotSupportedException("A bug."),
            failSignIn: () => throw new StoreUnavailableException("Table storage did not serve table 'sessions'."));

        await Assert.ThrowsAsync<NotSupportedException>(() => SignInPollingWorkflow.RunAsync(context, Input));

        Assert.Equal([(LogLevel.Error, 1741), (LogLevel.Warning, 1743)], context.Log.Collector.GetSnapshot().Select(l => (l.Level, l.Id.Id)));
        Assert.Contains(typeof(StoreUnavailableException).FullName!, context.Log.LatestRecord.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TransientFailures_RetriedWithALogLinePerFailedRound()
    {
        // Polls 1-3 fail (storage down, a lost race, a timeout), poll 4 sees the login.
        Exception[] failures = [new StoreUnavailableException(), new ConcurrencyConflictException(), new TimeoutException()];
        var context = new ScriptedWorkflowContext(Start, n => n <= failures.Length ? throw failures[n - 1] : new SignInCheck(SessionStatus.Authenticated));

        var result = await SignInPollingWorkflow.RunAsync(context, Input);

        Assert.Equal(SessionStatus.Authenticated, result!.Status);
        Assert.DoesNotContain(context.Activities, a => a.Name == WorkflowActivities.FailSignIn);
        var logged = context.Log.Collector.GetSnapshot();
        Assert.Equal(3, logged.Count);
        Assert.All(logged, l => Assert.Equal((LogLevel.Warning, 1740), (l.Level, l.Id.Id)));
        for (var round = 1; round <= failures.Length; round++)
        {
            var line = logged[round - 1].Message;
            Assert.Contains(failures[round - 1].GetType().FullName!, line, StringComparison.Ordinal);
            Assert.Contains($"failure {round} in a row, poll {round}", line, StringComparison.Ordinal);
            Assert.DoesNotContain(Input.Code, line, StringComparison.Ordinal);
        }
    }
}
