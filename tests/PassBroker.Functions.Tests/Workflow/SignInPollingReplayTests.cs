using Microsoft.DurableTask.Client;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;
using P = Microsoft.DurableTask.Protobuf;

namespace PassBroker.Functions.Tests.Workflow;

/// <summary>
/// What only the engine does: it runs the orchestrator from the top at every episode, replaying the history it has,
/// and <see cref="SignInPollingWorkflow.PollsPerGeneration"/> polls in, it starts a fresh generation.
/// </summary>
public sealed class SignInPollingReplayTests
{
    private const P.OrchestratorAction.OrchestratorActionTypeOneofCase Timer = P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer;
    private const P.OrchestratorAction.OrchestratorActionTypeOneofCase Poll = P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask;
    private const P.OrchestratorAction.OrchestratorActionTypeOneofCase Complete = P.OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task RunOrchestrator_ReplayedAtEveryEpisode_RunsEachActivityOnceAndKeepsItsTimers()
    {
        // Arrange
        await using var engine = await PollingEngine.StartAsync(
            (_, call) => new SignInCheck(call < 3 ? SessionStatus.Pending : SessionStatus.Authenticated));
        var input = PollingEngine.Input(Interval, TimeSpan.FromMinutes(5));

        // Act
        var id = await engine.ScheduleAsync(input);
        var end = await engine.WaitForEndAsync(id);

        // Assert: no non-determinism failure, and three polls although the orchestrator ran seven times: one episode
        // to start (timer), then one per fired timer (poll) and one per finished poll (next timer, or the end).
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Null(end.FailureDetails);
        Assert.Equal(3, engine.Calls(id).Count);
        Assert.Equal((7, 6), engine.Runs(id));
        // The orchestrator asked for each timer and poll once: a replay's actions are matched against history, not sent.
        Assert.Equal(
            [Timer, Poll, Timer, Poll, Timer, Poll, Complete],
            engine.Traffic.Actions(id).Select(a => a.OrchestratorActionTypeCase));
        var history = engine.Traffic.History(id);
        Assert.Equal(3, history.Count(e => e.TaskScheduled?.Name == WorkflowActivities.CheckSignIn));
        Assert.Equal(3, history.Count(e => e.TaskCompleted is not null));
        var timers = history.Where(e => e.TimerCreated is not null).ToList();
        Assert.Equal(3, timers.Count);
        Assert.Equal(timers.Select(t => t.EventId), history.Where(e => e.TimerFired is not null).Select(e => e.TimerFired.TimerId));
        // Each timer is set one interval after its episode's replay-safe clock (the OrchestratorStarted event).
        Assert.All(timers, timer => Assert.Equal(PollingEngine.EpisodeStart(history, timer) + Interval, timer.TimerCreated.FireAt.ToDateTime()));
    }

    [Fact]
    public async Task RunOrchestrator_PastAGenerationOfPolls_ContinuesAsNewWithTheCounts()
    {
        // Arrange: the profile arrives on the second poll of the second generation.
        const int Polls = SignInPollingWorkflow.PollsPerGeneration + 2;
        await using var engine = await PollingEngine.StartAsync(
            (_, call) => new SignInCheck(call < Polls ? SessionStatus.Pending : SessionStatus.Authenticated));
        var input = PollingEngine.Input(TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));

        // Act
        var id = await engine.ScheduleAsync(input);
        var end = await engine.WaitForEndAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(SessionStatus.Authenticated, end.ReadOutputAs<SignInCheck>()!.Status);
        var calls = engine.Calls(id);
        Assert.Equal(Polls, calls.Count);
        Assert.All(calls.Take(SignInPollingWorkflow.PollsPerGeneration), c => Assert.Equal(input, c.Input));
        var second = input with { PollsSoFar = SignInPollingWorkflow.PollsPerGeneration };
        Assert.All(calls.Skip(SignInPollingWorkflow.PollsPerGeneration), c => Assert.Equal(second, c.Input));
        Assert.Equal(second, end.ReadInputAs<SignInPollInput>());
        Assert.Contains($"\"polls\":{Polls}", end.SerializedCustomStatus, StringComparison.Ordinal);
        // Two generations completed (the first as continued-as-new), each poll asked for once; the last episode's
        // history holds the current generation only, which is what ContinueAsNew is for.
        var actions = engine.Traffic.Actions(id);
        Assert.Equal(Polls, actions.Count(a => a.ScheduleTask is not null));
        Assert.Equal(
            [P.OrchestrationStatus.ContinuedAsNew, P.OrchestrationStatus.Completed],
            actions.Where(a => a.CompleteOrchestration is not null).Select(a => a.CompleteOrchestration.OrchestrationStatus));
        Assert.Equal(2, engine.Traffic.History(id).Count(e => e.TaskScheduled is not null));
    }
}
