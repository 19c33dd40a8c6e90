using PassBroker.Core.Profiles;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.Profiles;

[Collection(AzuriteCollection.Name)]
public sealed class TableProfileCacheTests(AzuriteFixture azurite) : AzuriteStoreTests(azurite)
{
    private IProfileCache Cache => Storage.Profiles;

    [Fact]
    public async Task FindAsync_AfterSet_ReturnsEveryProfileAndField()
    {
        var deviceKey = TestData.NewDeviceKey();
        var profiles = new CachedProfiles([TestData.Profile("Cablevision"), TestData.Profile("Comcast_SSO") with { Type = "temporary" }],
            TestData.Instant.AddHours(6));

        await Cache.SetAsync(deviceKey, profiles, default);
        var found = await Cache.FindAsync(deviceKey, default);

        Assert.NotNull(found);
        Assert.Equal(profiles.ExpiresAt, found.ExpiresAt);
        Assert.Equal(profiles.Profiles.Count, found.Profiles.Count);
        foreach (var (expected, actual) in profiles.Profiles.Zip(found.Profiles))
        {
            Expect.SameProfile(expected, actual);
        }
    }

    [Fact]
    public async Task FindAsync_EmptyList_RoundTrips()
    {
        var deviceKey = TestData.NewDeviceKey();

        await Cache.SetAsync(deviceKey, new CachedProfiles([], TestData.Instant), default);

        var found = await Cache.FindAsync(deviceKey, default);
        Assert.NotNull(found);
        Assert.Empty(found.Profiles);
        Assert.Equal(TestData.Instant, found.ExpiresAt);
    }

    [Fact]
    public async Task SetAsync_Twice_KeepsTheLatest()
    {
        var deviceKey = TestData.NewDeviceKey();
        await Cache.SetAsync(deviceKey, new CachedProfiles([TestData.Profile("First")], TestData.Instant), default);

        await Cache.SetAsync(deviceKey, new CachedProfiles([TestData.Profile("Second")], TestData.Instant.AddHours(1)), default);

        var found = await Cache.FindAsync(deviceKey, default);
        Assert.Equal("Second", Assert.Single(found!.Profiles).Mvpd);
        Assert.Equal(TestData.Instant.AddHours(1), found.ExpiresAt);
    }

    [Fact]
    public async Task RemoveAsync_Cached_RemovesOnlyThatDevice()
    {
        var (deviceKey, other) = (TestData.NewDeviceKey(), TestData.NewDeviceKey());
        await Cache.SetAsync(deviceKey, new CachedProfiles([TestData.Profile("Mvpd")], TestData.Instant), default);
        await Cache.SetAsync(other, new CachedProfiles([TestData.Profile("Mvpd")], TestData.Instant), default);

        await Cache.RemoveAsync(deviceKey, default);

        Assert.Null(await Cache.FindAsync(deviceKey, default));
        Assert.NotNull(await Cache.FindAsync(other, default));
    }

    [Fact]
    public async Task RemoveAsync_NothingCached_Succeeds()
    {
        var deviceKey = TestData.NewDeviceKey();

        await Cache.RemoveAsync(deviceKey, default);
        await Cache.RemoveAsync(deviceKey, default);

        Assert.Null(await Cache.FindAsync(deviceKey, default));
    }
}
