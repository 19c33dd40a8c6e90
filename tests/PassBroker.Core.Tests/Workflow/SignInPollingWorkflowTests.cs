using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;

namespace PassBroker.Core.Tests.Workflow;

public sealed class SignInPollingWorkflowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private static SignInPollInput Input(TimeSpan lifetime) => new("devicekey", "ABC1234", Start + lifetime, Interval);

    [Fact]
    public async Task RunAsync_UserSignsInOnThirdPoll_PollsEveryIntervalAndStops()
    {
        var context = new ScriptedWorkflowContext(Start, n => new SignInCheck(n == 3 ? SessionStatus.Authenticated : SessionStatus.Pending));

        var result = await SignInPollingWorkflow.RunAsync(context, Input(TimeSpan.FromMinutes(30)));

        Assert.Equal(SessionStatus.Authenticated, result!.Status);
        Assert.Equal([Start + Interval, Start + 2 * Interval, Start + 3 * Interval], context.Timers);
        Assert.Equal(3, context.Activities.Count);
        Assert.All(context.Activities, a => Assert.Equal(WorkflowActivities.CheckSignIn, a.Name));
    }

    [Fact]
    public async Task RunAsync_NeverSignsIn_StopsAtExpiryAndExpiresTheSession()
    {
        var context = new ScriptedWorkflowContext(Start, _ => new SignInCheck(SessionStatus.Pending));
        var input = Input(TimeSpan.FromSeconds(40));

        var result = await SignInPollingWorkflow.RunAsync(context, input);

        Assert.Equal(SessionStatus.Expired, result!.Status);
        // 15 s, 30 s, then a last poll exactly at the 40 s deadline: never past it.
        Assert.Equal([Start + Interval, Start + 2 * Interval, input.ExpiresAt], context.Timers);
        Assert.Equal((WorkflowActivities.ExpireSignIn, input.ExpiresAt), context.Activities[^1]);
    }

    [Fact]
    public async Task RunAsync_ThirtyMinutesWithoutLogin_ContinuesAsNewEveryGenerationAndEndsAtThirtyMinutes()
    {
        var context = new ScriptedWorkflowContext(Start, _ => new SignInCheck(SessionStatus.Pending));
        object? input = Input(TimeSpan.FromMinutes(30));
        var generations = 0;
        SignInCheck? result = null;

        while (input is SignInPollInput next && generations < 100)
        {
            generations++;
            result = await SignInPollingWorkflow.RunAsync(context, next);
            input = context.TakeContinuation();
        }

        Assert.Equal(SessionStatus.Expired, result!.Status);
        Assert.Equal(120, context.Timers.Count); // 30 min / 15 s
        Assert.Equal(Start + TimeSpan.FromMinutes(30), context.CurrentUtcDateTime);
        Assert.Equal(6, generations); // 120 polls in generations of 20
    }

    [Fact]
    public async Task RunAsync_SessionReplacedByNewerSignIn_StopsWithoutExpiring()
    {
        var context = new ScriptedWorkflowContext(Start, n => n == 2
            ? new SignInCheck(SessionStatus.Expired, SessionEndReasons.Replaced)
            : new SignInCheck(SessionStatus.Pending));

        var result = await SignInPollingWorkflow.RunAsync(context, Input(TimeSpan.FromMinutes(30)));

        Assert.Equal(SessionEndReasons.Replaced, result!.Reason);
        Assert.Equal(2, context.Activities.Count);
        Assert.DoesNotContain(context.Activities, a => a.Name == WorkflowActivities.ExpireSignIn);
    }

    [Fact]
    public async Task RunAsync_ResumedAfterDeadline_ChecksOnceThenExpires()
    {
        // A DevHost restarted after the code's deadline: no timer into the past, one last look, then expiry.
        var context = new ScriptedWorkflowContext(Start + TimeSpan.FromMinutes(31), _ => new SignInCheck(SessionStatus.Pending));

        var result = await SignInPollingWorkflow.RunAsync(context, Input(TimeSpan.FromMinutes(30)));

        Assert.Equal(SessionStatus.Expired, result!.Status);
        Assert.Empty(context.Timers);
        Assert.Equal([WorkflowActivities.CheckSignIn, WorkflowActivities.ExpireSignIn], context.Activities.Select(a => a.Name));
    }
}
