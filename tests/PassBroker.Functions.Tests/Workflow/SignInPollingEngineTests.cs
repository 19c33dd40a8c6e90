using System.Diagnostics;
using Microsoft.DurableTask.Client;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;
using PassBroker.Functions.Workflow;

namespace PassBroker.Functions.Tests.Workflow;

/// <summary>
/// The orchestrator on the real engine: it must get past its timers (the adapter's cancelled wait once stranded it
/// off Durable's scheduler, Running for ever), poll, expire and react to the replacement event.
/// </summary>
public sealed class SignInPollingEngineTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task RunOrchestrator_ProfileOnThirdPoll_CompletesAuthenticated()
    {
        // Arrange
        await using var engine = await PollingEngine.StartAsync(
            (_, call) => new SignInCheck(call < 3 ? SessionStatus.Pending : SessionStatus.Authenticated));
        var input = PollingEngine.Input(Interval, TimeSpan.FromMinutes(5));

        // Act
        var id = await engine.ScheduleAsync(input);
        var end = await engine.WaitForEndAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(SessionStatus.Authenticated, end.ReadOutputAs<SignInCheck>()!.Status);
        var calls = engine.Calls(id);
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal((WorkflowActivities.CheckSignIn, input), (c.Name, c.Input)));
        // Each poll waited its interval first (the timers are real).
        Assert.All(calls.Zip(calls.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= Interval * 0.9));
        Assert.Contains("\"polls\":3", end.SerializedCustomStatus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOrchestrator_NoProfileBeforeTheDeadline_ExpiresOnceAtTheDeadline()
    {
        // Arrange
        await using var engine = await PollingEngine.StartAsync((_, _) => new SignInCheck(SessionStatus.Pending));
        var input = PollingEngine.Input(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(2));

        // Act
        var id = await engine.ScheduleAsync(input);
        var end = await engine.WaitForEndAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(new SignInCheck(SessionStatus.Expired, SessionEndReasons.CodeExpired), end.ReadOutputAs<SignInCheck>());
        var calls = engine.Calls(id);
        var expiry = Assert.Single(calls, c => c.Name == WorkflowActivities.ExpireSignIn);
        Assert.Same(expiry, calls[^1]);
        Assert.True(calls.Count(c => c.Name == WorkflowActivities.CheckSignIn) >= 3, "It polls until the deadline.");
        // The last poll is made at the deadline: its timer is clamped to it (generous above, for a loaded machine).
        Assert.InRange(calls[^2].At, input.ExpiresAt - TimeSpan.FromMilliseconds(50), input.ExpiresAt + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task RunOrchestrator_SignInReplacedDuringAnHourLongWait_PollsAtOnceAndEnds()
    {
        // Arrange: an hour between polls; the poll the event hurries finds the session ended by the newer sign-in.
        var replaced = new SignInCheck(SessionStatus.Expired, SessionEndReasons.Replaced);
        await using var engine = await PollingEngine.StartAsync((_, _) => replaced);
        var input = PollingEngine.Input(TimeSpan.FromHours(1), TimeSpan.FromHours(2));
        var id = await engine.ScheduleAsync(input);
        await engine.WaitForTimerAsync(id);

        // Act
        var clock = Stopwatch.StartNew();
        await engine.Client.RaiseEventAsync(id, DurableWorkflowContext.SignInReplacedEvent, true, engine.Timeout);
        var end = await engine.WaitForEndAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(replaced, end.ReadOutputAs<SignInCheck>());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Ended {clock.Elapsed} after the event.");
        Assert.Equal(WorkflowActivities.CheckSignIn, Assert.Single(engine.Calls(id)).Name);
        var history = engine.Traffic.History(id);
        Assert.Single(history, e => e.TimerCreated is not null);
        Assert.DoesNotContain(history, e => e.TimerFired is not null);
        Assert.Equal(DurableWorkflowContext.SignInReplacedEvent, Assert.Single(history, e => e.EventRaised is not null).EventRaised.Name);
    }
}
