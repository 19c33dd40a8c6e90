using PassBroker.Core.Decisions.Rules;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.Plays;

[Collection(AzuriteCollection.Name)]
public sealed class TablePlayStoreTests(AzuriteFixture azurite) : AzuriteStoreTests(azurite)
{
    private IPlayStore Plays => Storage.Plays;

    [Fact]
    public async Task ListActiveAsync_ReturnsOnlyLeasesEndingAfterNow()
    {
        var deviceKey = TestData.NewDeviceKey();
        await Plays.RecordAsync(deviceKey, "ended", TestData.Instant.AddSeconds(-1), default);
        await Plays.RecordAsync(deviceKey, "playing", TestData.Instant.AddHours(1), default);

        var active = await Plays.ListActiveAsync(deviceKey, TestData.Instant, default);

        Assert.Equal([new ActivePlay("playing", TestData.Instant.AddHours(1))], active);
    }

    [Fact]
    public async Task RecordAsync_SameResource_RenewsTheOneLease()
    {
        var deviceKey = TestData.NewDeviceKey();
        await Plays.RecordAsync(deviceKey, "show-1", TestData.Instant.AddMinutes(1), default);

        await Plays.RecordAsync(deviceKey, "show-1", TestData.Instant.AddHours(4), default);

        var play = Assert.Single(await Plays.ListActiveAsync(deviceKey, TestData.Instant, default));
        Assert.Equal(TestData.Instant.AddHours(4), play.LeaseEnds);
    }

    [Fact]
    public async Task ListActiveAsync_OtherDevice_IsEmpty()
    {
        await Plays.RecordAsync(TestData.NewDeviceKey(), "show-1", TestData.Instant.AddHours(1), default);

        Assert.Empty(await Plays.ListActiveAsync(TestData.NewDeviceKey(), TestData.Instant, default));
    }

    [Fact]
    public async Task RecordAsync_LongMultiLineResource_RoundTrips()
    {
        var deviceKey = TestData.NewDeviceKey();
        var mrss = "<rss version=\"2.0\">\n<item>/#?\\ é</item>" + new string('x', 16_000) + "</rss>";

        await Plays.RecordAsync(deviceKey, mrss, TestData.Instant.AddHours(1), default);

        Assert.Equal(mrss, Assert.Single(await Plays.ListActiveAsync(deviceKey, TestData.Instant, default)).Resource);
    }

    [Fact]
    public async Task RestoreAsync_NoPreviousLease_DeletesTheWrite()
    {
        var deviceKey = TestData.NewDeviceKey();
        var version = await Plays.RecordAsync(deviceKey, "show-1", TestData.Instant.AddHours(1), default);

        Assert.True(await Plays.RestoreAsync(deviceKey, "show-1", null, version, default));

        Assert.Empty(await Plays.ListActiveAsync(deviceKey, TestData.Instant, default));
    }

    [Fact]
    public async Task RestoreAsync_PreviousLease_PutsItBack()
    {
        var deviceKey = TestData.NewDeviceKey();
        await Plays.RecordAsync(deviceKey, "show-1", TestData.Instant.AddMinutes(30), default);
        var version = await Plays.RecordAsync(deviceKey, "show-1", TestData.Instant.AddHours(4), default);

        Assert.True(await Plays.RestoreAsync(deviceKey, "show-1", new ActivePlay("show-1", TestData.Instant.AddMinutes(30)), version, default));

        Assert.Equal(TestData.Instant.AddMinutes(30), Assert.Single(await Plays.ListActiveAsync(deviceKey, TestData.Instant, default)).LeaseEnds);
    }

    [Fact]
    public async Task RestoreAsync_WrittenAgainMeanwhile_KeepsTheLaterWrite()
    {
        var deviceKey = TestData.NewDeviceKey();
        var version = await Plays.RecordAsync(deviceKey, "show-1", TestData.Instant.AddHours(1), default);
        await Plays.RecordAsync(deviceKey, "show-1", TestData.Instant.AddHours(2), default);

        Assert.False(await Plays.RestoreAsync(deviceKey, "show-1", null, version, default));

        Assert.Equal(TestData.Instant.AddHours(2), Assert.Single(await Plays.ListActiveAsync(deviceKey, TestData.Instant, default)).LeaseEnds);
    }

    [Fact]
    public async Task RestoreAsync_UnknownVersion_TakesBackWhateverIsThere()
    {
        var deviceKey = TestData.NewDeviceKey();
        await Plays.RecordAsync(deviceKey, "show-1", TestData.Instant.AddHours(1), default);

        Assert.True(await Plays.RestoreAsync(deviceKey, "show-1", null, version: null, default));
        Assert.False(await Plays.RestoreAsync(deviceKey, "show-1", null, version: null, default));

        Assert.Empty(await Plays.ListActiveAsync(deviceKey, TestData.Instant, default));
    }
}
