using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;
using PassBroker.Functions.Workflow;

namespace PassBroker.Functions.Tests;

/// <summary>
/// The orchestrator over a <c>Mock&lt;TaskOrchestrationContext&gt;</c> (durabletask-dotnet's
/// samples/AzureFunctionsUnitTests pattern): optional <see cref="TaskOptions"/> arguments are matched with It.IsAny.
/// </summary>
public sealed class SignInPollingOrchestratorTests
{
    private static readonly DateTime Start = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly Mock<TaskOrchestrationContext> _context = new();
    private readonly List<CancellationToken> _timerTokens = [];
    private readonly List<CancellationToken> _eventTokens = [];
    private readonly TaskCompletionSource<bool> _replaced = new();
    private DateTime _now = Start;

    public SignInPollingOrchestratorTests()
    {
        _context.SetupGet(c => c.CurrentUtcDateTime).Returns(() => _now);
        _context.SetupGet(c => c.InstanceId).Returns("signin-device-code");
        _context.Setup(c => c.CreateReplaySafeLogger<SignInPollingFunctions>()).Returns(NullLogger.Instance);
        _context.Setup(c => c.WaitForExternalEvent<bool>(DurableWorkflowContext.SignInReplacedEvent, It.IsAny<CancellationToken>()))
            .Returns((string _, CancellationToken token) =>
            {
                _eventTokens.Add(token);
                return _replaced.Task;
            });
        // A timer fires at once and moves the orchestration's clock to its fire time.
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken token) =>
            {
                _timerTokens.Add(token);
                _now = fireAt;
                return Task.CompletedTask;
            });
    }

    private SignInPollInput Input(TimeSpan lifetime, int pollsSoFar = 0)
    {
        var input = new SignInPollInput("0123456789abcdef0123456789abcdef", "ABC123", new DateTimeOffset(Start) + lifetime, Interval, pollsSoFar);
        _context.Setup(c => c.GetInput<SignInPollInput>()).Returns(input);
        return input;
    }

    private void CheckAnswers(params SignInCheck[] answers)
    {
        var queue = new Queue<SignInCheck>(answers);
        _context.Setup(c => c.CallActivityAsync<SignInCheck>(WorkflowActivities.CheckSignIn, It.IsAny<SignInPollInput>(), It.IsAny<TaskOptions>()))
            .ReturnsAsync(() => queue.Dequeue());
    }

    [Fact]
    public async Task RunOrchestrator_ProfileOnSecondPoll_ReturnsAuthenticated()
    {
        // Arrange
        Input(TimeSpan.FromMinutes(30));
        CheckAnswers(new SignInCheck(SessionStatus.Pending), new SignInCheck(SessionStatus.Authenticated));

        // Act
        var result = await SignInPollingFunctions.RunOrchestrator(_context.Object);

        // Assert
        Assert.Equal(SessionStatus.Authenticated, result?.Status);
        _context.Verify(c => c.CreateTimer(Start + Interval, It.IsAny<CancellationToken>()), Times.Once);
        _context.Verify(c => c.CreateTimer(Start + Interval + Interval, It.IsAny<CancellationToken>()), Times.Once);
        _context.Verify(c => c.SetCustomStatus(It.IsAny<object?>()), Times.Exactly(2));
        _context.Verify(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()), Times.Never);
    }

    [Fact]
    public async Task RunOrchestrator_TimerFires_CancelsTheReplacementWait()
    {
        Input(TimeSpan.FromMinutes(30));
        CheckAnswers(new SignInCheck(SessionStatus.Authenticated));

        await SignInPollingFunctions.RunOrchestrator(_context.Object);

        var wait = Assert.Single(_eventTokens);
        Assert.True(wait.IsCancellationRequested);
    }

    [Fact]
    public async Task RunOrchestrator_ReplacedWhileWaiting_CancelsTimerAndPollsAtOnce()
    {
        // Arrange: the timer only completes when cancelled; the replacement event has already arrived.
        Input(TimeSpan.FromMinutes(30));
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime _, CancellationToken token) =>
            {
                _timerTokens.Add(token);
                return Task.Delay(Timeout.Infinite, token);
            });
        _replaced.SetResult(true);
        CheckAnswers(new SignInCheck(SessionStatus.Expired, SessionEndReasons.Replaced));

        // Act
        var result = await SignInPollingFunctions.RunOrchestrator(_context.Object);

        // Assert: no timer left pending, one poll, and the replaced outcome stands.
        Assert.Equal(SessionStatus.Expired, result?.Status);
        Assert.Equal(SessionEndReasons.Replaced, result?.Reason);
        Assert.True(Assert.Single(_timerTokens).IsCancellationRequested);
        _context.Verify(c => c.CallActivityAsync<SignInCheck>(WorkflowActivities.CheckSignIn, It.IsAny<SignInPollInput>(), It.IsAny<TaskOptions>()), Times.Once);
    }

    [Fact]
    public async Task RunOrchestrator_CodeRunsOut_ExpiresTheSession()
    {
        // Arrange: the code lives for one and a half intervals, so the second timer fires at the code's expiry.
        Input(Interval + Interval / 2);
        CheckAnswers(new SignInCheck(SessionStatus.Pending), new SignInCheck(SessionStatus.Pending));
        _context.Setup(c => c.CallActivityAsync<SignInCheck>(WorkflowActivities.ExpireSignIn, It.IsAny<SignInPollInput>(), It.IsAny<TaskOptions>()))
            .ReturnsAsync(new SignInCheck(SessionStatus.Expired, SessionEndReasons.CodeExpired));

        // Act
        var result = await SignInPollingFunctions.RunOrchestrator(_context.Object);

        // Assert
        Assert.Equal(SessionEndReasons.CodeExpired, result?.Reason);
        _context.Verify(c => c.CreateTimer(Start + Interval + Interval / 2, It.IsAny<CancellationToken>()), Times.Once);
        _context.Verify(c => c.CallActivityAsync<SignInCheck>(WorkflowActivities.ExpireSignIn, It.IsAny<SignInPollInput>(), It.IsAny<TaskOptions>()), Times.Once);
    }

    [Fact]
    public async Task RunOrchestrator_StillPendingAfterAGeneration_ContinuesAsNewWithThePollCount()
    {
        Input(TimeSpan.FromHours(1), pollsSoFar: 40);
        CheckAnswers(Enumerable.Repeat(new SignInCheck(SessionStatus.Pending), SignInPollingWorkflow.PollsPerGeneration).ToArray());

        var result = await SignInPollingFunctions.RunOrchestrator(_context.Object);

        Assert.Null(result);
        _context.Verify(c => c.ContinueAsNew(
            It.Is<object?>(i => ((SignInPollInput)i!).PollsSoFar == 40 + SignInPollingWorkflow.PollsPerGeneration), It.IsAny<bool>()), Times.Once);
    }

    [Fact]
    public async Task RunOrchestrator_ActivityFailsOnce_BacksOffAndCarriesOn()
    {
        Input(TimeSpan.FromMinutes(30));
        var calls = 0;
        _context.Setup(c => c.CallActivityAsync<SignInCheck>(WorkflowActivities.CheckSignIn, It.IsAny<SignInPollInput>(), It.IsAny<TaskOptions>()))
            .Returns(() => ++calls == 1
                ? Task.FromException<SignInCheck>(new InvalidOperationException("storage down"))
                : Task.FromResult(new SignInCheck(SessionStatus.Authenticated)));

        var result = await SignInPollingFunctions.RunOrchestrator(_context.Object);

        Assert.Equal(SessionStatus.Authenticated, result?.Status);
        Assert.Equal(2, calls);
        // The retry waits 1 s ± 50% (WorkflowBackoff), not a whole poll interval.
        var failedAt = Start + Interval;
        _context.Verify(c => c.CreateTimer(
            It.Is<DateTime>(t => t >= failedAt.AddSeconds(0.5) && t <= failedAt.AddSeconds(1.5)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RunOrchestrator_ActivityFailsAnHourAfterExpiry_FailsTheOrchestration()
    {
        // Resumed long after the code expired (a long outage): the expiry's write is retried for an hour, then given up.
        _now = Start + TimeSpan.FromMinutes(30) + SignInPollingWorkflow.GiveUpAfterExpiry;
        Input(TimeSpan.FromMinutes(30));
        _context.Setup(c => c.CallActivityAsync<SignInCheck>(WorkflowActivities.CheckSignIn, It.IsAny<SignInPollInput>(), It.IsAny<TaskOptions>()))
            .ThrowsAsync(new InvalidOperationException("storage down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => SignInPollingFunctions.RunOrchestrator(_context.Object));
    }
}
