using PassBroker.Core.Workflow.Sharded;

namespace PassBroker.Core.Tests.Workflow.Sharded;

/// <summary>The sharded shape keeps per-device pacing without a write per poll: due ticks follow from the slot.</summary>
public sealed class ShardClockTests
{
    private static readonly ShardClock Clock = new(ShardClock.DefaultEpoch, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));

    [Theory]
    [InlineData(0, 1_000_003.5)]
    [InlineData(1, 1_000_003.5)]
    [InlineData(2, 1_000_003.5)]
    [InlineData(0, 1_000_005)]
    [InlineData(1, 1_000_005)]
    [InlineData(2, 1_000_005)]
    public void FirstDueTick_IsInTheSlot_AfterTheStartAndWithinOneInterval(int slot, double startSeconds)
    {
        var startedAt = ShardClock.DefaultEpoch.AddSeconds(startSeconds);

        var first = Clock.FirstDueTick(startedAt, slot);

        Assert.Equal(slot, Clock.SlotOf(first));
        var delay = Clock.TimeOf(first) - startedAt;
        Assert.InRange(delay, TimeSpan.FromTicks(1), Clock.PollInterval);
    }

    [Fact]
    public void Place_IsStablePerDevice_AndSpreadsDevices()
    {
        var places = Enumerable.Range(0, 4_800).Select(i => Clock.Place($"device{i}", 16)).ToList();

        Assert.Equal(Clock.Place("device7", 16), places[7]);
        var perPartition = places.GroupBy(p => p).Select(g => g.Count()).ToList();
        Assert.Equal(48, perPartition.Count);
        Assert.All(perPartition, count => Assert.InRange(count, 50, 150));
    }

    [Fact]
    public void Ticks_RoundDownAndUpAroundAnInstant()
    {
        var at = Clock.TimeOf(200_000) + TimeSpan.FromSeconds(2);

        Assert.Equal(200_000, Clock.TickAtOrBefore(at));
        Assert.Equal(200_001, Clock.TickAtOrAfter(at));
        Assert.Equal(200_000, Clock.TickAtOrAfter(Clock.TimeOf(200_000)));
    }

    [Theory]
    [InlineData(15, 5, 11.25)]
    [InlineData(4, 4, 3)]
    [InlineData(3, 1, 2.25)]
    [InlineData(60, 5, 45)]
    public void MinimumGap_IsThreeQuartersOfTheInterval(int intervalSeconds, int tickSeconds, double gapSeconds)
    {
        var clock = new ShardClock(ShardClock.DefaultEpoch, TimeSpan.FromSeconds(tickSeconds), TimeSpan.FromSeconds(intervalSeconds));

        Assert.Equal(TimeSpan.FromSeconds(gapSeconds), clock.MinimumGap);
    }
}
