namespace PassBroker.Core.Workflow.Sharded;

/// <summary>A shard workflow's input. Serializable: Durable stores it in history.</summary>
/// <param name="Shard">This workflow's shard, 0 ≤ Shard &lt; shards.</param>
/// <param name="Clock">The shared tick clock.</param>
/// <param name="NextTick">The next tick this shard runs.</param>
public sealed record ShardPollInput(int Shard, ShardClock Clock, long NextTick)
{
    /// <summary>When each slot's last round started (index: slot), carried over ContinueAsNew so a slot polled late
    /// is not polled again too soon (<see cref="ShardClock.MinimumGap"/>). Null on a new shard, and in the inputs of
    /// shards started before it existed.</summary>
    public IReadOnlyList<DateTimeOffset>? SlotRounds { get; init; }

    /// <summary>The fixed instance id of the shard: starting it twice finds it running.</summary>
    public string InstanceId => InstanceIdOf(Shard);

    public static string InstanceIdOf(int shard) => $"signin-shard-{shard:D3}";
}

/// <summary>One round of a shard: the input of <see cref="ShardPollingWorkflow.PollShardActivity"/>.</summary>
/// <param name="Shard">The shard.</param>
/// <param name="Tick">The tick whose slot is due.</param>
/// <param name="Clock">The shard's clock (the workflow's, so the round and the timers agree).</param>
public sealed record ShardRoundInput(int Shard, long Tick, ShardClock Clock);

/// <summary>What a round did.</summary>
/// <param name="Polled">Due rows handled.</param>
/// <param name="Ended">Of those, the sign-ins that ended (signed in, expired, failed, replaced) and left the table.</param>
/// <param name="Retrying">Rows whose poll failed transiently: due again at their slot's next tick.</param>
/// <param name="Retire">The shape is no longer sharded and this shard is empty: its workflow ends.</param>
public sealed record ShardRound(int Polled, int Ended, int Retrying, bool Retire = false)
{
    /// <summary>No sign-in is pending in the whole shard (not only in the round's slot): the shard's next round is one
    /// interval later (<see cref="ShardPollingWorkflow"/>). False in the outputs of rounds from before it existed.</summary>
    public bool Empty { get; init; }
}
