using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PassBroker.Core.Sessions;

namespace PassBroker.Core.Workflow.Sharded;

/// <summary>
/// The tick clock every shard shares: tick <c>n</c> is at <c>Epoch + n × Tick</c>, and a sign-in's slot is a tick
/// number modulo <see cref="Slots"/>. A sign-in sits in one slot, so it is due once per <see cref="PollInterval"/>, at
/// its own phase, without any write per poll: its due ticks follow from its slot and its first due tick.
/// Serializable: it travels in the shard workflow's input.
/// </summary>
/// <param name="Epoch">Tick 0.</param>
/// <param name="Tick">Time between two rounds of a shard; divides <paramref name="PollInterval"/>.</param>
/// <param name="PollInterval">Time between two polls of one sign-in (per-device pacing, as in the per-sign-in shape).</param>
public sealed record ShardClock(DateTimeOffset Epoch, TimeSpan Tick, TimeSpan PollInterval)
{
    /// <summary>A fixed epoch, so every host and every restart counts the same ticks.</summary>
    public static readonly DateTimeOffset DefaultEpoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ShardClock From(SignInOptions options) => new(DefaultEpoch, options.EffectiveShardTick, options.PollInterval);

    public int Slots => (int)(PollInterval.Ticks / Tick.Ticks);

    /// <summary>The least time between two rounds of one slot, i.e. two polls of one sign-in, when a shard is catching
    /// up: three quarters of the interval. A slot that ran late thus comes back to its phase within a few intervals
    /// (a gap of the whole interval would keep every delay for good, timer latency included), and with any interval
    /// of 4 s or more a sign-in is never polled sooner than Adobe's "every 3–5 seconds or more slowly"
    /// (rest-api-v2-faqs; docs: adobe-pass-v2.md 4.4).</summary>
    public TimeSpan MinimumGap => PollInterval * 3 / 4;

    public DateTimeOffset TimeOf(long tick) => Epoch + (Tick * tick);

    public int SlotOf(long tick) => (int)(tick % Slots);

    /// <summary>The first tick at or after <paramref name="at"/>.</summary>
    public long TickAtOrAfter(DateTimeOffset at) => (long)Math.Ceiling((at - Epoch) / Tick);

    /// <summary>The last tick at or before <paramref name="at"/>.</summary>
    public long TickAtOrBefore(DateTimeOffset at) => (long)Math.Floor((at - Epoch) / Tick);

    /// <summary>The tick of <paramref name="slot"/> in the interval after <paramref name="startedAt"/> (later than it, at
    /// most one interval later): a new sign-in is first polled no later than the per-sign-in shape polls it, and never
    /// at the instant its code was issued.</summary>
    public long FirstDueTick(DateTimeOffset startedAt, int slot)
    {
        var earliest = TickAtOrBefore(startedAt) + 1;
        var offset = ((slot - (earliest % Slots)) + Slots) % Slots;
        return earliest + offset;
    }

    /// <summary>The shard and slot of a device: from a hash of its key, so a device always lands in the same row and the
    /// devices spread evenly over shards and slots.</summary>
    public (int Shard, int Slot) Place(string deviceKey, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(deviceKey), hash);
        var value = BinaryPrimitives.ReadUInt32BigEndian(hash);
        return ((int)(value % (uint)shards), (int)(value / (uint)shards % (uint)Slots));
    }
}
