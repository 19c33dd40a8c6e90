using PassBroker.Benchmarks.Durable;

namespace PassBroker.Benchmarks.Tests.Durable;

/// <summary>The sharded shape keeps per-device pacing without a write per poll: due ticks follow from the slot.</summary>
public sealed class ShardClockTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ShardClock Clock = new(Epoch, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void FirstDueTick_IsInTheSlot_BetweenOneTickAndOneIntervalPlusATickAfterTheStart(int slot)
    {
        var startedAt = Epoch.AddSeconds(1_000_003.5);

        var first = Clock.FirstDueTick(startedAt, slot);

        Assert.Equal(slot, first % Clock.Slots);
        var delay = Clock.TimeOf(first) - startedAt;
        Assert.InRange(delay, Clock.Tick, Clock.PollInterval + Clock.Tick);
    }

    [Fact]
    public void Place_IsStablePerDevice_AndSpreadsDevices()
    {
        var places = Enumerable.Range(0, 4_800).Select(i => PendingSignInTable.Place($"device{i}", 16, 3)).ToList();

        Assert.Equal(PendingSignInTable.Place("device7", 16, 3), places[7]);
        var perPartition = places.GroupBy(p => p).Select(g => g.Count()).ToList();
        Assert.Equal(48, perPartition.Count);
        Assert.All(perPartition, count => Assert.InRange(count, 50, 150));
    }
}
