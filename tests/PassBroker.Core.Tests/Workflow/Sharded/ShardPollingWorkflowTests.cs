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

        // Ticks 998-1,000 at once (every slot once), then one round per tick on its timer (but tick 1,002: its slot
        // ran at the catch-up, and the timer of tick 1,001 ends that slot's MinimumGap too); then ContinueAsNew.
        Assert.Equal(Enumerable.Range(998, ShardPollingWorkflow.RoundsPerGeneration).Select(t => (long)t), context.Rounds);
        Assert.Equal(ShardPollingWorkflow.RoundsPerGeneration - 4, context.Timers);
        Assert.Equal(Clock.TimeOf(1_000) + TimeSpan.FromSeconds(1) + Clock.MinimumGap, context.Started.Single(r => r.Tick == 1_001).At);
        var next = Assert.IsType<ShardPollInput>(context.ContinuedWith);
        Assert.Equal((0, Clock, 998L + ShardPollingWorkflow.RoundsPerGeneration), (next.Shard, next.Clock, next.NextTick));
        Assert.Equal(Clock.Slots, next.SlotRounds!.Count);
    }

    [Fact]
    public async Task RunAsync_ATimerFiresAnHourLate_RunsTheLastIntervalsTicks_NotTheStaleOne()
    {
        // Waiting for tick 10 when the host sleeps for an hour (in tests: a fake clock moved at once).
        var context = new RoundsContext(Clock.TimeOf(10) - TimeSpan.FromSeconds(1), _ => new ShardRound(0, 0, 0), timerLate: timer => timer == 1 ? TimeSpan.FromHours(1) : TimeSpan.Zero);

        await ShardPollingWorkflow.RunAsync(context, new ShardPollInput(0, Clock, 10));

        // Tick 730 is the hour's last: ticks 728-730 visit every slot once, then rounds follow the clock again.
        Assert.Equal([728L, 729L, 730L], context.Rounds.Take(3));
        Assert.Equal(context.Rounds.Count, context.Rounds.Distinct().Count());
        Assert.DoesNotContain(10L, context.Rounds);
    }

    [Fact]
    public async Task RunAsync_EmptyShard_RunsOneRoundPerInterval()
    {
        var context = new RoundsContext(Clock.TimeOf(10) - TimeSpan.FromSeconds(1), _ => new ShardRound(0, 0, 0) { Empty = true });

        await ShardPollingWorkflow.RunAsync(context, new ShardPollInput(0, Clock, 10));

        // One round per interval (3 ticks), each on a tick's time, one timer each (and one for the first round).
        var every = Enumerable.Range(0, ShardPollingWorkflow.RoundsPerGeneration).Select(i => Clock.TimeOf(10 + (i * Clock.Slots)));
        Assert.Equal(every, context.Started.Select(r => r.At));
        Assert.Equal(ShardPollingWorkflow.RoundsPerGeneration + 1, context.Timers);
    }

    [Fact]
    public async Task RunAsync_EmptyShardWithEarlyTimers_StillOneRoundPerInterval()
    {
        var context = new RoundsContext(Clock.TimeOf(10) - TimeSpan.FromSeconds(1), _ => new ShardRound(0, 0, 0) { Empty = true }, early: TimeSpan.FromMilliseconds(400));

        await ShardPollingWorkflow.RunAsync(context, new ShardPollInput(0, Clock, 10));

        Assert.All(context.Started.Zip(context.Started.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= Clock.PollInterval - TimeSpan.FromSeconds(1),
            $"Rounds at {pair.First.At:mm:ss.fff} and {pair.Second.At:mm:ss.fff}."));
    }

    [Fact]
    public async Task RunAsync_ASignInArrivesInAnEmptyShard_EverySlotIsVisitedAtTheWake()
    {
        // Empty until a sign-in starts while the shard sleeps after its round at tick 11 (any slot): the wake at tick 16's
        // time finds it, and runs the last interval's ticks at once, as a shard that fell behind; then, as after any
        // catch-up, each slot waits out its MinimumGap before its next round.
        var context = new RoundsContext(Clock.TimeOf(10) - TimeSpan.FromSeconds(1), tick => new ShardRound(0, 0, 0) { Empty = tick < 14 });

        await ShardPollingWorkflow.RunAsync(context, new ShardPollInput(0, Clock, 10));

        Assert.Equal([10L, 11L, 14L, 15L, 16L, 17L], context.Rounds.Take(6));
        Assert.Equal([Clock.TimeOf(10), Clock.TimeOf(13), Clock.TimeOf(16), Clock.TimeOf(16), Clock.TimeOf(16), Clock.TimeOf(16) + Clock.MinimumGap],
            context.Started.Take(6).Select(r => r.At));
    }

    [Fact]
    public async Task RunAsync_TimersFiringALittleEarly_OneTimerPerRound()
    {
        // The queue that carries Durable's timers on Azure Storage makes them visible to the second: up to 1 s early.
        // Each instant's first timer fires 400 ms early; a second one for the same instant would fire on time.
        var context = new RoundsContext(Clock.TimeOf(10) - TimeSpan.FromSeconds(1), _ => new ShardRound(0, 0, 0), early: TimeSpan.FromMilliseconds(400));

        await ShardPollingWorkflow.RunAsync(context, new ShardPollInput(0, Clock, 10));

        Assert.Equal(Enumerable.Range(10, ShardPollingWorkflow.RoundsPerGeneration).Select(t => (long)t), context.Rounds);
        Assert.Equal(ShardPollingWorkflow.RoundsPerGeneration, context.Timers);
    }

    [Fact]
    public async Task RunAsync_ASlowRound_ItsSlotIsNotPolledAgainSoonerThanTheMinimumGap_AndTheShardCatchesUp()
    {
        // Tick 10's round takes 12 s: ticks 11 and 12 then run late, back to back. Tick 13 (tick 10's slot) is due on
        // time 3 s after tick 10's round ended; tick 14 (tick 11's slot) 8 s after tick 11's round.
        var context = new RoundsContext(Clock.TimeOf(10), tick => new ShardRound(1, 0, 0), tick => tick == 10 ? TimeSpan.FromSeconds(12) : TimeSpan.Zero);

        await ShardPollingWorkflow.RunAsync(context, new ShardPollInput(0, Clock, 10));

        var bySlot = context.Started.GroupBy(r => Clock.SlotOf(r.Tick));
        Assert.All(bySlot, slot => Assert.All(slot.Zip(slot.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= Clock.MinimumGap,
            $"ticks {pair.First.Tick} and {pair.Second.Tick} started {(pair.Second.At - pair.First.At).TotalSeconds} s apart")));
        // Back on the clock within the generation: the last rounds start at their own ticks.
        var last = context.Started[^1];
        Assert.Equal(Clock.TimeOf(last.Tick), last.At);
    }

    [Fact]
    public async Task RunAsync_CarriesWhenEachSlotLastRanIntoTheNextGeneration()
    {
        // The generation's last round starts 9 s late (the one before it took 14 s).
        var first = new RoundsContext(Clock.TimeOf(10), _ => new ShardRound(1, 0, 0), tick => tick == 10 + ShardPollingWorkflow.RoundsPerGeneration - 2 ? TimeSpan.FromSeconds(14) : TimeSpan.Zero);
        await ShardPollingWorkflow.RunAsync(first, new ShardPollInput(0, Clock, 10));
        var next = Assert.IsType<ShardPollInput>(first.ContinuedWith);

        // The next generation: the late round's slot is due on time 6 s after it started, but runs MinimumGap after it.
        var second = new RoundsContext(first.CurrentUtcDateTime, _ => new ShardRound(1, 0, 0));
        await ShardPollingWorkflow.RunAsync(second, next);

        var slowStarted = first.Started[^1];
        var sameSlot = second.Started.First(r => Clock.SlotOf(r.Tick) == Clock.SlotOf(slowStarted.Tick));
        Assert.True(sameSlot.At - slowStarted.At >= Clock.MinimumGap);
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
    [InlineData(SignInPollingShape.Sharded, "00:00:15", "00:00:04", false)]
    [InlineData(SignInPollingShape.Sharded, "00:00:15", "00:00:05", true)]
    [InlineData(SignInPollingShape.PerSignIn, "00:00:15", "00:00:04", true)]
    [InlineData(SignInPollingShape.Sharded, "00:00:03", null, true)]
    [InlineData(SignInPollingShape.Sharded, "00:00:13", null, true)]
    public void Options_ShardTickMustDivideTheIntervalUnderTheShards(SignInPollingShape shape, string interval, string? tick, bool valid)
    {
        var options = new SignInOptions
        {
            PollingShape = shape,
            PollInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture),
            ShardTick = tick is null ? null : TimeSpan.Parse(tick, System.Globalization.CultureInfo.InvariantCulture),
        };

        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);

        Assert.Equal(valid, errors.Count == 0);
    }

    [Theory]
    [InlineData("00:00:15", null, "00:00:05")]
    [InlineData("00:00:04", null, "00:00:04")]
    [InlineData("00:00:12", null, "00:00:04")]
    [InlineData("00:00:13", null, "00:00:13")]
    [InlineData("00:01:00", null, "00:00:05")]
    [InlineData("00:00:15", "00:00:03", "00:00:03")]
    public void Options_EffectiveShardTick_IsTheSetOne_OrTheIntervalInEqualTicksOfAtMostFiveSeconds(string interval, string? tick, string expected)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var options = new SignInOptions { PollInterval = TimeSpan.Parse(interval, invariant), ShardTick = tick is null ? null : TimeSpan.Parse(tick, invariant) };

        Assert.Equal(TimeSpan.Parse(expected, invariant), options.EffectiveShardTick);
    }

    [Fact]
    public void Options_TheShardsAreTheDefaultShape() => Assert.Equal(SignInPollingShape.Sharded, new SignInOptions().PollingShape);

    /// <param name="start">The context's clock at the start.</param>
    /// <param name="round">What the round of a tick returns.</param>
    /// <param name="takes">How long the round of a tick takes (the clock moves by it).</param>
    /// <param name="timerLate">How late the n-th timer (from 1) fires.</param>
    /// <param name="early">How early a timer fires the first time its instant is asked for.</param>
    private sealed class RoundsContext(
        DateTimeOffset start, Func<long, ShardRound> round, Func<long, TimeSpan>? takes = null, Func<int, TimeSpan>? timerLate = null, TimeSpan early = default)
        : IWorkflowContext
    {
        public FakeLogger Log { get; } = new();
        public ILogger Logger => Log;
        public DateTimeOffset CurrentUtcDateTime { get; private set; } = start;
        public List<long> Rounds { get; } = [];
        public List<(long Tick, DateTimeOffset At)> Started { get; } = [];
        private readonly HashSet<DateTimeOffset> _earlyFired = [];
        public int Timers { get; private set; }
        public object? ContinuedWith { get; private set; }

        public Task CreateTimer(DateTimeOffset fireAt, CancellationToken cancellationToken)
        {
            Timers++;
            var firstForThisInstant = _earlyFired.Add(fireAt);
            CurrentUtcDateTime = fireAt + (timerLate?.Invoke(Timers) ?? TimeSpan.Zero) - (firstForThisInstant ? early : TimeSpan.Zero);
            return Task.CompletedTask;
        }

        public Task<TResult> CallActivityAsync<TResult>(string name, object? input)
        {
            var tick = ((ShardRoundInput)input!).Tick;
            Rounds.Add(tick);
            Started.Add((tick, CurrentUtcDateTime));
            CurrentUtcDateTime += takes?.Invoke(tick) ?? TimeSpan.Zero;
            return Task.FromResult((TResult)(object)round(tick));
        }

        public void SetCustomStatus(object? status)
        {
        }

        public void ContinueAsNew(object? input) => ContinuedWith = input;
    }
}
