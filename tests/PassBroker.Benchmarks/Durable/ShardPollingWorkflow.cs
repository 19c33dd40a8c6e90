using PassBroker.Core.Workflow;

namespace PassBroker.Benchmarks.Durable;

/// <summary>
/// The sharded polling shape, written against Core's <see cref="IWorkflowContext"/> so it can move to Core as is (a
/// benchmark prototype for now). A fixed set of eternal shard orchestrations replaces one orchestration per sign-in:
/// shard <c>s</c> wakes on a durable timer at every tick of a clock shared by all shards (<c>Epoch + n × Tick</c>) and
/// runs one activity that polls the sign-ins of its partition for that tick's slot (<see cref="PendingSignInRow"/>).
/// A sign-in is in one slot of <c>PollInterval / Tick</c>, so it is polled once per interval, at its own phase, without
/// any write per poll: its due ticks follow from its slot and its first due tick. A shard that falls behind runs the
/// ticks it missed one after another (timers in the past fire at once), so no slot is skipped.
/// </summary>
internal static class ShardPollingWorkflow
{
    public const string Name = "SignInShardPolling";

    public const string PollShardActivity = "PollShard";

    /// <summary>Rounds per generation before ContinueAsNew keeps the history short (as the per-sign-in workflow does).</summary>
    public const int RoundsPerGeneration = 20;

    public static async Task RunAsync(IWorkflowContext context, ShardPollInput input)
    {
        var tick = input.NextTick;
        for (var round = 0; round < RoundsPerGeneration; round++, tick++)
        {
            var fireAt = input.Clock.TimeOf(tick);
            if (fireAt > context.CurrentUtcDateTime)
            {
                await context.CreateTimer(fireAt, CancellationToken.None);
            }
            // One activity per shard and tick whatever the number of sign-ins due: this is what takes the storage cost
            // off the sign-in count. A failed round is not retried: its sign-ins are due again one interval later.
            try
            {
                var result = await context.CallActivityAsync<ShardRoundResult>(PollShardActivity, new ShardRoundInput(input.Shard, tick));
                context.SetCustomStatus(new { tick, result.Polled, result.Completed });
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                context.SetCustomStatus(new { tick, failed = true });
            }
        }
        context.ContinueAsNew(input with { NextTick = tick });
    }
}

/// <summary>The tick clock every shard shares: tick <c>n</c> is at <c>Epoch + n × Tick</c>; a sign-in's slot is a
/// tick number modulo <see cref="Slots"/>.</summary>
/// <param name="Epoch">Tick 0.</param>
/// <param name="Tick">Time between two rounds of a shard; divides <see cref="PollInterval"/>.</param>
/// <param name="PollInterval">Time between two polls of one sign-in (per-device pacing, as today).</param>
internal sealed record ShardClock(DateTimeOffset Epoch, TimeSpan Tick, TimeSpan PollInterval)
{
    public int Slots => (int)(PollInterval.Ticks / Tick.Ticks);

    public DateTimeOffset TimeOf(long tick) => Epoch + (Tick * tick);

    /// <summary>The first tick at or after <paramref name="at"/>.</summary>
    public long TickAtOrAfter(DateTimeOffset at) => (long)Math.Ceiling((at - Epoch) / Tick);

    /// <summary>The first tick of <paramref name="slot"/> at least one tick after <paramref name="startedAt"/>: a new
    /// sign-in is first polled between one tick and one interval plus one tick after it started (today: one interval).</summary>
    public long FirstDueTick(DateTimeOffset startedAt, int slot)
    {
        var earliest = TickAtOrAfter(startedAt) + 1;
        var offset = ((slot - (earliest % Slots)) + Slots) % Slots;
        return earliest + offset;
    }
}

/// <param name="Shard">This orchestration's shard, 0 ≤ Shard &lt; shards.</param>
/// <param name="Clock">The shared tick clock.</param>
/// <param name="NextTick">The next tick this shard runs.</param>
internal sealed record ShardPollInput(int Shard, ShardClock Clock, long NextTick)
{
    public string InstanceId => $"signin-shard-{Shard:D3}";
}

internal sealed record ShardRoundInput(int Shard, long Tick);

/// <param name="Polled">Sign-ins polled in this round.</param>
/// <param name="Completed">Of those, the ones that ended (logged in, expired, replaced) and left the table.</param>
internal sealed record ShardRoundResult(int Polled, int Completed);
