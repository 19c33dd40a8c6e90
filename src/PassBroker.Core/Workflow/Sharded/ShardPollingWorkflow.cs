namespace PassBroker.Core.Workflow.Sharded;

/// <summary>
/// The sharded polling shape: a fixed set of eternal shard workflows instead of one per sign-in. Shard <c>s</c> wakes
/// on a durable timer at every tick of a clock all shards share (<see cref="ShardClock"/>; at every interval while it
/// holds no sign-in at all) and runs one activity that polls the shard's sign-ins due at that tick
/// (<see cref="PollShardActivity"/>): one timer and one activity per shard and tick whatever the number of sign-ins,
/// which is what takes the storage cost off the sign-in count (docs/performance.md). Deterministic: replayable by
/// Durable Functions. ContinueAsNew every <see cref="RoundsPerGeneration"/> rounds keeps the history short.
/// </summary>
public static class ShardPollingWorkflow
{
    public const string Name = "SignInShardPolling";

    /// <summary>The round's activity. Input <see cref="ShardRoundInput"/>, output <see cref="ShardRound"/>.</summary>
    public const string PollShardActivity = "PollShard";

    /// <summary>Rounds per generation before ContinueAsNew (as the per-sign-in workflow's 20 polls).</summary>
    public const int RoundsPerGeneration = 20;

    /// <returns>The round that retired the shard, or null when the workflow continued as new.</returns>
    public static async Task<ShardRound?> RunAsync(IWorkflowContext context, ShardPollInput input)
    {
        var clock = input.Clock;
        var tick = input.NextTick;
        var slotRounds = SlotRoundsOf(input);
        var lastWake = DateTimeOffset.MinValue;
        for (var round = 0; round < RoundsPerGeneration; round++, tick++)
        {
            tick = await WaitForRoundAsync(context, clock, tick, slotRounds);
            slotRounds[clock.SlotOf(tick)] = context.CurrentUtcDateTime;

            try
            {
                var result = await context.CallActivityAsync<ShardRound>(PollShardActivity, new ShardRoundInput(input.Shard, tick, clock));
                context.SetCustomStatus(new { tick, result.Polled, result.Ended, result.Retrying, result.Empty });
                if (result.Retire)
                {
                    context.Logger.ShardRetired(input.Shard);
                    return result;
                }
                if (result.Empty)
                {
                    lastWake = await SleepWhileEmptyAsync(context, clock, tick, lastWake);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The round's own failure (its query, say), not a row's: the activity handles those row by row. Nothing
                // is lost: the slot's rows are due again one interval later, so the shard goes on either way.
                var failure = context.DescribeFailure(exception);
                context.Logger.ShardRoundFailed(input.Shard, tick, failure.Type, failure.IsTransient);
                context.SetCustomStatus(new { tick, failed = failure.Type });
            }
        }

        context.ContinueAsNew(input with { NextTick = tick, SlotRounds = slotRounds });
        return null;
    }

    /// <summary>
    /// Waits until the round of <paramref name="tick"/> is due and returns the tick to run, which is later when the
    /// shard fell behind (a host down, a slow round): it runs the ticks it missed one after another, timers in the past
    /// firing at once, but never more than one interval of them; the last Slots ticks visit every slot once, so no
    /// sign-in is skipped. And never a slot again sooner than <see cref="ShardClock.MinimumGap"/> after its last round
    /// started: a slot whose round ran late would otherwise be polled again at its next tick on time, a few seconds
    /// later, faster than Adobe allows (and than the per-sign-in shape, whose timer follows each poll). A timer that
    /// fires late (a host asleep) is checked again the same way, so the round it wakes is not a stale tick.
    /// </summary>
    private static async Task<long> WaitForRoundAsync(IWorkflowContext context, ShardClock clock, long tick, DateTimeOffset[] slotRounds)
    {
        DateTimeOffset? waitedFor = null;
        while (true)
        {
            var now = context.CurrentUtcDateTime;
            tick = Math.Max(tick, clock.TickAtOrBefore(now) - clock.Slots + 1);
            var fireAt = Max(clock.TimeOf(tick), slotRounds[clock.SlotOf(tick)] + clock.MinimumGap);
            // A timer may fire a little before its time (the Azure Storage provider's queue visibility is whole
            // seconds): one wait per instant, or each round would cost a second timer and orchestrator episode.
            if (fireAt <= now || fireAt <= waitedFor)
            {
                return tick;
            }
            await context.CreateTimer(fireAt, CancellationToken.None);
            waitedFor = fireAt;
        }
    }

    /// <summary>
    /// Nothing is pending in the whole shard: sleeps one interval instead of one tick, then goes on as a shard that fell
    /// behind, whose next wait (<see cref="WaitForRoundAsync"/>) runs the last interval's ticks at once. So an idle
    /// shard's rounds (timers, activities, queries) drop by the number of slots (docs/performance.md, "The floor when
    /// idle"), and a sign-in started while it sleeps is polled at the wake, whatever its slot: within one interval of
    /// its start, as in a busy shard. The wake is a whole interval after the previous one even when that timer fired a
    /// little early (Azure Storage's timers do, see <see cref="WaitForRoundAsync"/>), so the interval counts from the
    /// latest of now, the round's tick and the last wake.
    /// </summary>
    /// <returns>When it is due to wake.</returns>
    private static async Task<DateTimeOffset> SleepWhileEmptyAsync(IWorkflowContext context, ShardClock clock, long tick, DateTimeOffset lastWake)
    {
        var from = Max(Max(context.CurrentUtcDateTime, clock.TimeOf(tick)), lastWake);
        var wakeAt = clock.TimeOf(clock.TickAtOrBefore(from) + clock.Slots);
        await context.CreateTimer(wakeAt, CancellationToken.None);
        return wakeAt;
    }

    private static DateTimeOffset[] SlotRoundsOf(ShardPollInput input) =>
        input.SlotRounds is { } rounds && rounds.Count == input.Clock.Slots
            ? [.. rounds]
            : Enumerable.Repeat(DateTimeOffset.MinValue, input.Clock.Slots).ToArray();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
