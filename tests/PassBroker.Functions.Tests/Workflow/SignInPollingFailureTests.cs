using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;

namespace PassBroker.Functions.Tests.Workflow;

/// <summary>
/// Failed activities on the engine (a TaskFailedException there, not the activity's own exception): the workflow
/// retries a transient one after its back-off timer, with a log line per failed round (not per replay), and gives up
/// an hour past the code's expiry; any other failure fails the orchestration at once, logged.
/// </summary>
public sealed class SignInPollingFailureTests
{
    [Fact]
    public async Task RunOrchestrator_FirstPollThrows_RetriesAfterTheBackoffAndSucceeds()
    {
        // Arrange
        await using var engine = await PollingEngine.StartAsync((_, call) => call == 1
            ? throw new StoreUnavailableException("Table storage did not answer.")
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
        static SignInCheck Down(SignInPollInput input, int call) => throw new StoreUnavailableException("Table storage did not answer.");
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

    [Fact]
    public async Task RunOrchestrator_ActivityHitsABug_FailsAtOnceLoggedAndMarksTheSignInFailed()
    {
        // Arrange
        await using var engine = await PollingEngine.StartAsync((_, _) => throw new InvalidOperationException("Sequence contains no elements"));
        var input = PollingEngine.Input(TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(5));

        // Act
        var id = await engine.ScheduleAsync(input);
        var end = await engine.WaitForEndAsync(id);

        // Assert: one poll, no back-off timer after it, the sign-in marked failed, the orchestration failed with the
        // activity's failure, and one error line naming its type.
        Assert.Equal(OrchestrationRuntimeStatus.Failed, end.RuntimeStatus);
        Assert.Contains("Sequence contains no elements", end.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal([WorkflowActivities.CheckSignIn, WorkflowActivities.FailSignIn], engine.Calls(id).Select(c => c.Name));
        Assert.Single(engine.Traffic.History(id), e => e.TimerCreated is not null);
        var logged = Assert.Single(engine.WorkflowLog);
        Assert.Equal((LogLevel.Error, 1741), (logged.Level, logged.Id.Id));
        Assert.Contains(typeof(InvalidOperationException).FullName!, logged.Message, StringComparison.Ordinal);
        Assert.Contains("Sequence contains no elements", logged.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOrchestrator_TransientFailures_LogOneLinePerFailedRoundNotPerReplay()
    {
        // Arrange: storage down for two polls, then the profile.
        await using var engine = await PollingEngine.StartAsync((_, call) => call <= 2
            ? throw new StoreUnavailableException("Table storage did not answer.")
            : new SignInCheck(SessionStatus.Authenticated));
        var input = PollingEngine.Input(TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(5));

        // Act
        var id = await engine.ScheduleAsync(input);
        var end = await engine.WaitForEndAsync(id);

        // Assert: the orchestrator replayed each failure in every later episode, and still logged it once.
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(3, engine.Calls(id).Count);
        Assert.True(engine.Runs(id).Replays >= 4, $"Only {engine.Runs(id).Replays} replays.");
        var logged = engine.WorkflowLog;
        Assert.Equal(2, logged.Count);
        Assert.All(logged, l => Assert.Equal((LogLevel.Warning, 1740), (l.Level, l.Id.Id)));
        Assert.All(logged, l => Assert.Contains(typeof(StoreUnavailableException).FullName!, l.Message, StringComparison.Ordinal));
        Assert.Contains("failure 1 in a row", logged[0].Message, StringComparison.Ordinal);
        Assert.Contains("failure 2 in a row", logged[1].Message, StringComparison.Ordinal);
    }
}
