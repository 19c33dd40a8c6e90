using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;
using PassBroker.Functions.Workflow;

namespace PassBroker.Functions.Tests.Workflow;

/// <summary>The starter against the same engine: idempotent per instance id, and it stops the device's older polls.</summary>
public sealed class DurableWorkflowStarterEngineTests
{
    private const string Device = "0123456789abcdef0123456789abcdef";
    private const string OtherDevice = "fedcba9876543210fedcba9876543210";

    [Fact]
    public async Task StartSignInPollingAsync_SameSignInTwice_StartsOneOrchestration()
    {
        // Arrange
        await using var engine = await PollingEngine.StartAsync(
            (_, call) => new SignInCheck(call < 2 ? SessionStatus.Pending : SessionStatus.Authenticated));
        var logger = new RecordingLogger();
        var starter = new DurableWorkflowStarter(new DurableClientHolder { Client = engine.Client }, logger);
        var input = PollingEngine.Input(TimeSpan.FromMilliseconds(300), TimeSpan.FromMinutes(5), Device);

        // Act: the second start is a retried request, made while the first orchestration is still polling.
        await starter.StartSignInPollingAsync(input, engine.Timeout);
        await starter.StartSignInPollingAsync(input, engine.Timeout);
        var end = await engine.WaitForEndAsync(input.InstanceId);

        // Assert: one instance, run as one orchestration runs (two polls in five episodes: start, and per poll its
        // timer firing and its result).
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        var instances = await engine.Client.GetAllInstancesAsync(new OrchestrationQuery()).ToListAsync(engine.Timeout);
        Assert.Equal(input.InstanceId, Assert.Single(instances).InstanceId);
        Assert.Equal(2, engine.Calls(input.InstanceId).Count);
        Assert.Equal((5, 4), engine.Runs(input.InstanceId));
        Assert.Equal(["Sign-in polling " + input.InstanceId + " started", "Sign-in polling " + input.InstanceId + " already runs; not started again"],
            logger.Messages);
    }

    [Fact]
    public async Task StartSignInPollingAsync_NewerSignInOfTheDevice_EndsTheOlderAtOnceButNotAnotherDevices()
    {
        // Arrange: hour-long intervals, so any poll within the test was hurried by the replacement event.
        var replaced = new SignInCheck(SessionStatus.Expired, SessionEndReasons.Replaced);
        await using var engine = await PollingEngine.StartAsync(
            (input, _) => input.Code == "OLD1234" ? replaced : new SignInCheck(SessionStatus.Pending));
        var starter = new DurableWorkflowStarter(new DurableClientHolder { Client = engine.Client }, new RecordingLogger());
        SignInPollInput SignIn(string device, string code) => PollingEngine.Input(TimeSpan.FromHours(1), TimeSpan.FromHours(2), device, code);
        var older = SignIn(Device, "OLD1234");
        var other = SignIn(OtherDevice, "OTH1234");
        var newer = SignIn(Device, "NEW1234");
        await starter.StartSignInPollingAsync(older, engine.Timeout);
        await starter.StartSignInPollingAsync(other, engine.Timeout);
        await engine.WaitForTimerAsync(older.InstanceId);
        await engine.WaitForTimerAsync(other.InstanceId);

        // Act
        await starter.StartSignInPollingAsync(newer, engine.Timeout);
        var end = await engine.WaitForEndAsync(older.InstanceId);

        // Assert: the older sign-in polled once, at once, and ended with what that poll found.
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(replaced, end.ReadOutputAs<SignInCheck>());
        Assert.Single(engine.Calls(older.InstanceId));
        await engine.WaitForTimerAsync(newer.InstanceId);
        // The other device's sign-in and the newer one still wait on their hour-long timers, unpolled and unsignalled.
        foreach (var waiting in new[] { other, newer })
        {
            var instance = await engine.Client.GetInstanceAsync(waiting.InstanceId, engine.Timeout);
            Assert.Equal(OrchestrationRuntimeStatus.Running, instance?.RuntimeStatus);
            Assert.Empty(engine.Calls(waiting.InstanceId));
            Assert.Equal((1, 0), engine.Runs(waiting.InstanceId));
            Assert.DoesNotContain(engine.Traffic.History(waiting.InstanceId), e => e.EventRaised is not null);
        }
    }

    /// <summary>Keeps the starter's log messages, to tell "started" from "already runs".</summary>
    private sealed class RecordingLogger : ILogger<DurableWorkflowStarter>
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages)
            {
                _messages.Add(formatter(state, exception));
            }
        }
    }
}
