using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;

namespace PassBroker.Core.Tests.Workflow.Sharded;

/// <summary>The shard workflow's own decisions, on a context whose timers move its clock at once.</summary>
public sealed class ShardPollingWorkflowTests
{
    private static readonly ShardClock Clock = new(ShardClock.DefaultEpoch, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));

    [Fact]
    public async Task RunAsync_FarBehind_RunsOnlyTheLastIntervalsTicksThenWaitsForEachNext()
    {
        // The shard's input says tick 100, but it is now tick 1,000 (a host down for over an hour).
        var context = new RoundsContext(Clock.TimeOf(1_000) + TimeSpan.FromSeconds(1), _ => new ShardRound(0, 0, 0));

        await ShardPollingWorkflow.RunAsync(context, new ShardPollInput(0, Clock, 100));

        // Ticks 998-1,000 at once (every slot once), then one round per tick on its timer; then ContinueAsNew.
        Assert.Equal(Enumerable.Range(998, ShardPollingWorkflow.RoundsPerGeneration).Select(t => (long)t), context.Rounds);
        Assert.Equal(ShardPollingWorkflow.RoundsPerGeneration - 3, context.Timers);
        Assert.Equal(new ShardPollInput(0, Clock, 998 + ShardPollingWorkflow.RoundsPerGeneration), context.ContinuedWith);
    }

    [Fact]
    public async Task RunAsync_ARoundFails_LogsItAndGoesOnWithTheNextTick()
    {
        var context = new RoundsContext(Clock.TimeOf(10), tick => tick == 11 ? throw new StoreUnavailableException("down") : new ShardRound(1, 0, 0));

        await ShardPollingWorkflow.RunAsync(context, new ShardPollInput(3, Clock, 10));

        Assert.Equal(ShardPollingWorkflow.RoundsPerGeneration, context.Rounds.Count);
        var logged = Assert.Single(context.Log.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Warning, 1772), (logged.Level, logged.Id.Id));
        Assert.Contains(typeof(StoreUnavailableException).FullName!, logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RoundSaysRetire_EndsWithoutContinuing()
    {
        var context = new RoundsContext(Clock.TimeOf(10), tick => new ShardRound(0, 0, 0, Retire: tick == 12));

        var result = await ShardPollingWorkflow.RunAsync(context, new ShardPollInput(0, Clock, 10));

        Assert.True(result!.Retire);
        Assert.Equal([10L, 11L, 12L], context.Rounds);
        Assert.Null(context.ContinuedWith);
    }

    [Theory]
    [InlineData(SignInPollingShape.Sharded, "00:00:04", false)]
    [InlineData(SignInPollingShape.Sharded, "00:00:05", true)]
    [InlineData(SignInPollingShape.PerSignIn, "00:00:04", true)]
    public void Options_ShardTickMustDivideTheIntervalUnderTheShards(SignInPollingShape shape, string tick, bool valid)
    {
        var options = new SignInOptions { PollingShape = shape, ShardTick = TimeSpan.Parse(tick, System.Globalization.CultureInfo.InvariantCulture) };

        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);

        Assert.Equal(valid, errors.Count == 0);
    }

    private sealed class RoundsContext(DateTimeOffset start, Func<long, ShardRound> round) : IWorkflowContext
    {
        public FakeLogger Log { get; } = new();
        public ILogger Logger => Log;
        public DateTimeOffset CurrentUtcDateTime { get; private set; } = start;
        public List<long> Rounds { get; } = [];
        public int Timers { get; private set; }
        public object? ContinuedWith { get; private set; }

        public Task CreateTimer(DateTimeOffset fireAt, CancellationToken cancellationToken)
        {
            Timers++;
            CurrentUtcDateTime = fireAt;
            return Task.CompletedTask;
        }

        public Task<TResult> CallActivityAsync<TResult>(string name, object? input)
        {
            var tick = ((ShardRoundInput)input!).Tick;
            Rounds.Add(tick);
            return Task.FromResult((TResult)(object)round(tick));
        }

        public void SetCustomStatus(object? status)
        {
        }

        public void ContinueAsNew(object? input) => ContinuedWith = input;
    }
}
