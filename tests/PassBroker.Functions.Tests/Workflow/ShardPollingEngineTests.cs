using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;

namespace PassBroker.Functions.Tests.Workflow;

/// <summary>
/// The sharded shape on the real engine: the Functions app's shard orchestrator and Core's round activity, 1 s ticks
/// and a 3 s interval (3 slots). Rows due are polled once per interval each, end, expire, and one row's failure
/// touches no other row and does not stop the shard.
/// </summary>
public sealed class ShardPollingEngineTests
{
    private static readonly SignInCheck Pending = new(SessionStatus.Pending);
    private static readonly SignInCheck Authenticated = new(SessionStatus.Authenticated);

    [Fact]
    public async Task Shard_DueRows_ArePolledOncePerIntervalEach_UntilTheyEnd()
    {
        // Arrange: two devices in different slots; each signs in at its third poll.
        await using var engine = await ShardEngine.StartAsync((_, call) => call < 3 ? Pending : Authenticated);
        engine.Add("device-a", slot: 0);
        engine.Add("device-b", slot: 1);

        // Act
        await engine.StartShardAsync();
        await engine.WaitUntilAsync(() => !engine.Pending.Contains("device-a") && !engine.Pending.Contains("device-b"));
        var roundsAtEnd = engine.Rounds;
        // Two intervals of rounds after the last row left (an empty shard runs one round per interval).
        await engine.WaitUntilAsync(() => engine.Rounds >= roundsAtEnd + 3);

        // Assert: three polls each, none after the row left; per-device pacing: a whole interval between two polls
        // (generous below for timer jitter), and the two devices at different phases.
        foreach (var device in (string[])["device-a", "device-b"])
        {
            var calls = engine.Calls(device);
            Assert.Equal(3, calls.Count);
            Assert.All(calls, c => Assert.Equal("check", c.Kind));
            Assert.All(calls.Zip(calls.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= ShardEngine.Interval * 0.8,
                $"{device} polled {(pair.Second.At - pair.First.At).TotalMilliseconds} ms after its previous poll."));
        }
        var gap = (engine.Calls("device-b")[0].At - engine.Calls("device-a")[0].At).Duration();
        Assert.True(gap >= ShardEngine.Tick * 0.5, $"Both first polled within {gap.TotalMilliseconds} ms: not paced by slot.");
    }

    [Fact]
    public async Task Shard_Empty_RunsOneRoundPerInterval_ThenPollsASignInThatArrivesAtTheWake()
    {
        await using var engine = await ShardEngine.StartAsync((_, call) => call < 2 ? Pending : Authenticated);

        // Act: nothing pending for three rounds, then a sign-in.
        await engine.StartShardAsync();
        await engine.WaitUntilAsync(() => engine.Rounds >= 3);
        var idle = engine.RoundStarts;
        var row = engine.Add("device-a", slot: 1);
        await engine.WaitUntilAsync(() => !engine.Pending.Contains("device-a"));

        // Assert: the empty shard's rounds were an interval apart (a tick less for a first round that ran late: the wakes
        // follow the ticks), the engine's history carrying the round's Empty; the sign-in was first polled at the
        // shard's next wake, within an interval of its start whatever its slot (two ticks of slack for timers under
        // load), then paced by its slot.
        Assert.True(idle[2] - idle[0] >= (ShardEngine.Interval * 2) - ShardEngine.Tick,
            $"Rounds started {string.Join(", ", idle.Select(at => at.ToString("ss.fff", System.Globalization.CultureInfo.InvariantCulture)))}.");
        var calls = engine.Calls("device-a");
        Assert.Equal(2, calls.Count);
        var firstPollAfter = calls[0].At - (row.ExpiresAt - TimeSpan.FromMinutes(5));
        Assert.True(firstPollAfter <= ShardEngine.Interval + (ShardEngine.Tick * 2), $"First polled {firstPollAfter.TotalMilliseconds} ms after its start.");
        // After the wake's catch-up a slot's next round waits out MinimumGap (¾ interval) from its round's start; the
        // calls are stamped when the activity reaches the row, later under load, hence the slack.
        Assert.True(calls[1].At - calls[0].At >= ShardEngine.Clock.MinimumGap * 0.8, $"Polled again {(calls[1].At - calls[0].At).TotalMilliseconds} ms later.");
    }

    [Fact]
    public async Task Shard_NoLoginBeforeTheDeadline_PollsAtTheDeadlineThenExpiresOnce()
    {
        await using var engine = await ShardEngine.StartAsync((_, _) => Pending);
        var row = engine.Add("device-a", slot: 2, expiresIn: ShardEngine.Interval * 2 + ShardEngine.Tick);

        await engine.StartShardAsync();
        await engine.WaitUntilAsync(() => !engine.Pending.Contains("device-a"));

        var calls = engine.Calls("device-a");
        Assert.Equal("expire", Assert.Single(calls, c => c.Kind == "expire").Kind);
        Assert.Same(calls.Single(c => c.Kind == "expire"), calls[^1]);
        Assert.Equal("check", calls[^2].Kind);
        Assert.True(calls[^2].At >= row.ExpiresAt - TimeSpan.FromMilliseconds(50), "The last poll comes at the deadline, not before.");
        Assert.True(calls.Count(c => c.Kind == "check") >= 2, "It polls until the deadline.");
    }

    [Fact]
    public async Task Shard_OneRowHitsABug_ThatSignInFails_OthersAndTheShardGoOn()
    {
        // Arrange: in the same slot, a row whose poll throws a bug and one that signs in at its second poll.
        await using var engine = await ShardEngine.StartAsync((device, call) => device == "device-bug"
            ? throw new InvalidOperationException("Sequence contains no elements")
            : call < 2 ? Pending : Authenticated);
        engine.Add("device-bug", slot: 0);
        engine.Add("device-ok", slot: 0);

        // Act
        var id = await engine.StartShardAsync();
        await engine.WaitUntilAsync(() => !engine.Pending.Contains("device-bug") && !engine.Pending.Contains("device-ok"));

        // Assert: the bug's sign-in was failed at once (one poll, then FailSignIn) and logged as an error with its type;
        // the other signed in; the shard still runs.
        Assert.Equal(["check", "fail"], engine.Calls("device-bug").Select(c => c.Kind));
        Assert.Equal(["check", "check"], engine.Calls("device-ok").Select(c => c.Kind));
        var logged = Assert.Single(engine.ActivityLog, l => l.Level == LogLevel.Error);
        Assert.Equal(1771, logged.Id.Id);
        Assert.Contains(typeof(InvalidOperationException).FullName!, logged.Message, StringComparison.Ordinal);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.Client.GetInstanceAsync(id, engine.Timeout))!.RuntimeStatus);
    }

    [Fact]
    public async Task Shard_TransientFailureOfARow_RetriesItAtItsNextSlot()
    {
        await using var engine = await ShardEngine.StartAsync((_, call) => call == 1
            ? throw new StoreUnavailableException("Table storage did not answer.")
            : Authenticated);
        engine.Add("device-a", slot: 1);

        await engine.StartShardAsync();
        await engine.WaitUntilAsync(() => !engine.Pending.Contains("device-a"));

        var calls = engine.Calls("device-a");
        Assert.Equal(["check", "check"], calls.Select(c => c.Kind));
        Assert.True(calls[1].At - calls[0].At >= ShardEngine.Interval * 0.8, "The retry waits for the row's next slot.");
        var logged = Assert.Single(engine.ActivityLog, l => l.Id.Id == 1770);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains(typeof(StoreUnavailableException).FullName!, logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shard_PastOneGeneration_ContinuesAsNewAndKeepsPolling()
    {
        // A sign-in that never ends (far deadline): rounds go past the generation's 20, the instance stays running
        // and the row is still polled once per interval after the restart.
        await using var engine = await ShardEngine.StartAsync((_, _) => Pending);
        engine.Add("device-a", slot: 0);

        var id = await engine.StartShardAsync();
        await engine.WaitUntilAsync(() => engine.Rounds >= ShardPollingWorkflow.RoundsPerGeneration + 7);

        var instance = await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true, engine.Timeout);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        // The input of the running generation starts past the first 20 ticks.
        var input = instance.ReadInputAs<ShardPollInput>()!;
        var firstTick = ShardEngine.Clock.TickAtOrAfter(engine.Calls()[0].At - ShardEngine.Interval * 2);
        Assert.True(input.NextTick >= firstTick + ShardPollingWorkflow.RoundsPerGeneration, $"Next tick {input.NextTick}, first about {firstTick}.");
        Assert.True(engine.Calls("device-a").Count >= 8, $"Polled {engine.Calls("device-a").Count} times in {engine.Rounds} rounds.");
        // When each slot last ran went through the engine's serializer into the next generation.
        Assert.Equal(ShardEngine.Clock.Slots, input.SlotRounds?.Count);
        Assert.All(input.SlotRounds!, at => Assert.True(at > DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1), $"Slot last ran at {at:O}."));
    }

    [Fact]
    public async Task Shard_AfterASwitchToPerSignIn_PollsItsLastSignInToTheEnd_ThenRetires()
    {
        // The app now says PerSignIn, but this shard still holds a pending sign-in (started under the shards).
        await using var engine = await ShardEngine.StartAsync((_, call) => call < 2 ? Pending : Authenticated, shape: SignInPollingShape.PerSignIn);
        engine.Add("device-a", slot: 1);

        var id = await engine.StartShardAsync();
        var finished = await engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, engine.Timeout);

        Assert.Equal(["check", "check"], engine.Calls("device-a").Select(c => c.Kind));
        Assert.False(engine.Pending.Contains("device-a"));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        Assert.True(finished.ReadOutputAs<ShardRound>()?.Retire, "The shard ended by retiring.");
    }
}
