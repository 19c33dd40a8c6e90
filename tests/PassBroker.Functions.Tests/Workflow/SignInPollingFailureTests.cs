using Microsoft.DurableTask.Client;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;

namespace PassBroker.Functions.Tests.Workflow;

/// <summary>
/// Failed activities on the engine (a TaskFailedException there, not the activity's own exception): the workflow
/// retries after its back-off timer, and gives up an hour past the code's expiry.
/// </summary>
public sealed class SignInPollingFailureTests
{
    [Fact]
    public async Task RunOrchestrator_FirstPollThrows_RetriesAfterTheBackoffAndSucceeds()
    {
        // Arrange
        await using var engine = await PollingEngine.StartAsync((_, call) => call == 1
            ? throw new InvalidOperationException("Table storage did not answer.")
            : new SignInCheck(SessionStatus.Authenticated));
        var input = PollingEngine.Input(TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(5));
        // The jitter is replay-safe, so the test knows the exact wait: round 1 after the first failure.
        var backoff = WorkflowBackoff.Delay(1, WorkflowBackoff.ReplaySafeJitter(input.InstanceId, 1));

        // Act
        var id = await engine.ScheduleAsync(input);
        var end = await engine.WaitForEndAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(SessionStatus.Authenticated, end.ReadOutputAs<SignInCheck>()!.Status);
        var calls = engine.Calls(id);
        Assert.Equal(2, calls.Count);
        Assert.InRange(backoff, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5));
        // Generous above: the wait starts when the engine has recorded the failure, not when the activity threw.
        Assert.InRange(calls[1].At - calls[0].At, backoff - TimeSpan.FromMilliseconds(50), backoff + TimeSpan.FromSeconds(2));
        // The retry timer is exactly the back-off after the clock of the episode that saw the failure.
        var history = engine.Traffic.History(id);
        Assert.Single(history, e => e.TaskFailed is not null);
        Assert.Equal(2, history.Count(e => e.TimerCreated is not null));
        var retryTimer = history.Last(e => e.TimerCreated is not null);
        Assert.Equal(PollingEngine.EpisodeStart(history, retryTimer) + backoff, retryTimer.TimerCreated.FireAt.ToDateTime());
    }

    [Fact]
    public async Task RunOrchestrator_ActivitiesKeepThrowingPastTheGiveUpPoint_Fails()
    {
        // Arrange: the code expired almost an hour ago, so the give-up point is three seconds away. With this instance
        // id's jitter the poll fails at once, the first expiry attempt about 1.1 s later (retried) and the second about
        // 4.7 s after that, past the give-up point; a slow machine may skip the retry, hence the looser asserts.
        static SignInCheck Down(SignInPollInput input, int call) => throw new InvalidOperationException("Table storage did not answer.");
        await using var engine = await PollingEngine.StartAsync(Down, Down);
        var input = PollingEngine.Input(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(3) - SignInPollingWorkflow.GiveUpAfterExpiry);

        // Act
        var id = await engine.ScheduleAsync(input);
        var end = await engine.WaitForEndAsync(id);

        // Assert: a poll first (nothing had failed yet), then only expiry attempts, each after a back-off timer.
        Assert.Equal(OrchestrationRuntimeStatus.Failed, end.RuntimeStatus);
        Assert.Contains("Table storage did not answer.", end.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        var calls = engine.Calls(id);
        Assert.Equal(WorkflowActivities.CheckSignIn, calls[0].Name);
        Assert.NotEmpty(calls.Skip(1));
        Assert.All(calls.Skip(1), c => Assert.Equal(WorkflowActivities.ExpireSignIn, c.Name));
        // The failure that ended it was handled past the give-up point.
        var giveUpAt = input.ExpiresAt + SignInPollingWorkflow.GiveUpAfterExpiry;
        Assert.True(end.LastUpdatedAt >= giveUpAt, $"Failed at {end.LastUpdatedAt:O}, before {giveUpAt:O}.");
        Assert.Equal(calls.Count - 1, engine.Traffic.History(id).Count(e => e.TimerFired is not null));
    }
}
