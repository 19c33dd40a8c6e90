using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;

namespace PassBroker.Core.Tests.Workflow;

/// <summary>Failed activities (storage or the host down): the workflow backs off with jitter and carries on.</summary>
public sealed class SignInPollingRetryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private static SignInPollInput Input(TimeSpan lifetime, string deviceKey = "devicekey") => new(deviceKey, "ABC1234", Start + lifetime, Interval);

    private static SignInCheck FailFirst(int failing, int call, SessionStatus then = SessionStatus.Authenticated) =>
        call <= failing ? throw new StoreUnavailableException("Table storage did not serve table 'sessions'.") : new SignInCheck(then);

    [Fact]
    public async Task RunAsync_TwoFailedPolls_RetriesAfterJitteredBackoffAndThenNoticesTheLogin()
    {
        // Polls 2 and 3 fail, poll 4 sees the login.
        var context = new ScriptedWorkflowContext(Start, n => n == 1 ? new SignInCheck(SessionStatus.Pending) : FailFirst(3, n));

        var result = await SignInPollingWorkflow.RunAsync(context, Input(TimeSpan.FromMinutes(30)));

        Assert.Equal(SessionStatus.Authenticated, result!.Status);
        Assert.Equal(4, context.Activities.Count);
        var waits = context.Timers.Zip([Start, .. context.Timers], (at, before) => at - before).ToList();
        Assert.Equal([Interval, Interval], waits[..2]);
        Assert.InRange(waits[2], TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5)); // first retry: 1 s ± 50%
        Assert.InRange(waits[3], TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(7.5)); // second: 5 s ± 50%
        Assert.Contains(context.Statuses, s => s!.ToString()!.Contains("retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SameInputTwice_WaitsExactlyAlike_ButAnotherDeviceDoesNot()
    {
        // Durable replays the workflow: its waits must come out the same every time, yet differ between sign-ins.
        async Task<List<DateTimeOffset>> FailingRun(string deviceKey)
        {
            var context = new ScriptedWorkflowContext(Start, n => FailFirst(6, n));
            await SignInPollingWorkflow.RunAsync(context, Input(TimeSpan.FromMinutes(30), deviceKey));
            return context.Timers;
        }

        var first = await FailingRun("device-a");
        var replay = await FailingRun("device-a");
        var other = await FailingRun("device-b");

        Assert.Equal(first, replay);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task RunAsync_ExpiryWriteFailsOnce_IsRetriedAfterABackoffPastTheDeadline()
    {
        var context = new ScriptedWorkflowContext(Start, _ => new SignInCheck(SessionStatus.Pending), expireFails: n => n == 1);
        var input = Input(TimeSpan.FromSeconds(40));

        var result = await SignInPollingWorkflow.RunAsync(context, input);

        Assert.Equal(SessionStatus.Expired, result!.Status);
        var expiries = context.Activities.Where(a => a.Name == WorkflowActivities.ExpireSignIn).Select(a => a.At).ToList();
        Assert.Equal(2, expiries.Count);
        Assert.Equal(input.ExpiresAt, expiries[0]);
        Assert.InRange(expiries[1] - expiries[0], TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5));
        // The retry goes straight to the write: no more polls of a dead code (15 s, 30 s, 40 s only).
        Assert.Equal(3, context.Activities.Count(a => a.Name == WorkflowActivities.CheckSignIn));
    }

    [Fact]
    public async Task RunAsync_FailingForeverAcrossGenerations_GivesUpAnHourAfterExpiryWithTheActivityError()
    {
        // Storage stays down: neither the polls nor, past the deadline, the expiring write get through.
        var context = new ScriptedWorkflowContext(Start, n => FailFirst(int.MaxValue, n), expireFails: _ => true);
        object? input = Input(TimeSpan.FromMinutes(30));
        var generations = 0;

        // The last error is the expiring write's (the scripted context's StoreUnavailableException).
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(async () =>
        {
            while (input is SignInPollInput next && generations++ < 1000)
            {
                await SignInPollingWorkflow.RunAsync(context, next);
                input = context.TakeContinuation();
            }
        });

        Assert.NotNull(error);
        var giveUp = Start + TimeSpan.FromMinutes(30) + SignInPollingWorkflow.GiveUpAfterExpiry;
        Assert.InRange(context.CurrentUtcDateTime, giveUp, giveUp + TimeSpan.FromSeconds(22.5));
        // 90 minutes of retries at most 22.5 s apart once backed off: the back-off carried over every ContinueAsNew.
        var retries = context.Activities.Count;
        Assert.InRange(retries, (int)(90 * 60 / 22.5), (int)(90 * 60 / 7.5) + 3);
        Assert.True(generations > 1);
    }
}
