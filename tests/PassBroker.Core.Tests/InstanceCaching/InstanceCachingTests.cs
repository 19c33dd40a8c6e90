using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Core.Decisions.Rules;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.InstanceCaching;
using PassBroker.Core.Profiles;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.InstanceCaching;

/// <summary>The in-memory copies that spare a warm authorize its table reads, and what each may miss.</summary>
public sealed class InstanceCachingTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly IOptions<InstanceCacheOptions> _options = Options.Create(new InstanceCacheOptions());

    [Fact]
    public async Task DeviceToken_RotatedByAnotherInstance_OldOneWorksUntilTheCopyExpiresOrTheNewOneIsSeen()
    {
        var store = new InMemoryDeviceStore();
        var copies = new DeviceRecordCopies(_options, _time);
        var (oldToken, oldHash) = DeviceTokens.Issue(TestDevices.Record("tv").DeviceKey);
        var added = await store.AddAsync(TestDevices.Record("tv") with { DeviceTokenHash = oldHash }, CancellationToken.None);
        var authenticator = new DeviceAuthenticator(new CachingDeviceStore(store, copies), copies);
        await authenticator.AuthenticateAsync(oldToken, CancellationToken.None);

        // Another instance re-registers: straight to the shared store, this instance's copy does not hear of it.
        var (newToken, newHash) = DeviceTokens.Issue(added.DeviceKey);
        await store.UpdateAsync(added with { DeviceTokenHash = newHash }, CancellationToken.None);

        await authenticator.AuthenticateAsync(oldToken, CancellationToken.None);
        _time.Advance(_options.Value.DeviceLifetime);
        await AssertRefusedAsync(authenticator, oldToken);
        await authenticator.AuthenticateAsync(newToken, CancellationToken.None);

        // The new token works at once, and once it has been seen here the old one is refused even within the lifetime.
        var (newerToken, newerHash) = DeviceTokens.Issue(added.DeviceKey);
        var current = await store.FindAsync(added.DeviceKey, CancellationToken.None);
        await store.UpdateAsync(current! with { DeviceTokenHash = newerHash }, CancellationToken.None);
        await authenticator.AuthenticateAsync(newerToken, CancellationToken.None);
        await AssertRefusedAsync(authenticator, newToken);
    }

    private static async Task AssertRefusedAsync(DeviceAuthenticator authenticator, string token)
    {
        var refused = await Assert.ThrowsAsync<PassBrokerException>(() => authenticator.AuthenticateAsync(token, CancellationToken.None));
        Assert.Equal(ErrorCodes.InvalidDeviceToken, refused.Code);
    }

    [Fact]
    public async Task DeviceStore_WriteConflict_DropsTheCopySoTheNextRequestReadsTheTable()
    {
        var store = new InMemoryDeviceStore();
        var copies = new DeviceRecordCopies(_options, _time);
        var caching = new CachingDeviceStore(store, copies);
        var added = await caching.AddAsync(TestDevices.Record("tv"), CancellationToken.None);
        await store.UpdateAsync(added with { TempPassIdentity = "other" }, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => caching.UpdateAsync(added with { TempPassIdentity = "mine" }, CancellationToken.None));

        Assert.Null(copies.TryGet(added.DeviceKey));
    }

    [Fact]
    public async Task Profiles_CopyServedUntilEarliestNotAfterAndDroppedOnRemove()
    {
        var shared = new InMemoryProfileCache();
        var cache = new CachingProfileCache(shared, _options, _time);
        var profiles = new CachedProfiles([], _time.GetUtcNow().AddSeconds(30));
        await cache.SetAsync("d", profiles, CancellationToken.None);
        await shared.RemoveAsync("d", CancellationToken.None);

        Assert.Same(profiles, await cache.FindAsync("d", CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(await cache.FindAsync("d", CancellationToken.None));

        await cache.SetAsync("d", profiles with { ExpiresAt = _time.GetUtcNow().AddHours(1) }, CancellationToken.None);
        await cache.RemoveAsync("d", CancellationToken.None);
        Assert.Null(await cache.FindAsync("d", CancellationToken.None));
    }

    [Fact]
    public async Task Profiles_ChangedByAnotherInstance_SeenAfterTheLifetime()
    {
        var shared = new InMemoryProfileCache();
        var cache = new CachingProfileCache(shared, _options, _time);
        await shared.SetAsync("d", new CachedProfiles([], _time.GetUtcNow().AddHours(1)), CancellationToken.None);
        Assert.NotNull(await cache.FindAsync("d", CancellationToken.None));

        await shared.RemoveAsync("d", CancellationToken.None);

        Assert.NotNull(await cache.FindAsync("d", CancellationToken.None));
        _time.Advance(_options.Value.ProfileLifetime);
        Assert.Null(await cache.FindAsync("d", CancellationToken.None));
    }

    [Fact]
    public async Task Plays_OwnPermitsKeepTheCopyCurrentAndExpiredLeasesDropOut()
    {
        var shared = new InMemoryPlayStore();
        var plays = new CachingPlayStore(shared, _options, _time);
        var now = _time.GetUtcNow();
        await shared.RecordAsync("d", "elsewhere", now.AddSeconds(10), CancellationToken.None);
        Assert.Single(await plays.ListActiveAsync("d", now, CancellationToken.None));

        await plays.RecordAsync("d", "here", now.AddHours(1), CancellationToken.None);
        await shared.RecordAsync("d", "unseen", now.AddHours(1), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));

        var active = await plays.ListActiveAsync("d", _time.GetUtcNow(), CancellationToken.None);
        Assert.Equal([new ActivePlay("here", now.AddHours(1))], active);
        _time.Advance(_options.Value.PlayLifetime);
        Assert.Equal(2, (await plays.ListActiveAsync("d", _time.GetUtcNow(), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Plays_WhileEveryLeaseRuns_TheCopyIsServedAsItIs_NotCopiedPerRequest()
    {
        var plays = new CachingPlayStore(new InMemoryPlayStore(), _options, _time);
        var now = _time.GetUtcNow();
        await plays.RecordAsync("d", "short", now.AddMinutes(1), CancellationToken.None);
        await plays.RecordAsync("d", "long", now.AddHours(1), CancellationToken.None);

        var first = await plays.ListActiveAsync("d", now, CancellationToken.None);
        var again = await plays.ListActiveAsync("d", now, CancellationToken.None);
        var later = await plays.ListActiveAsync("d", now.AddMinutes(2), CancellationToken.None);

        // A warm authorize reads this on every request: no new list while nothing has ended.
        Assert.Same(first, again);
        Assert.Equal(2, first.Count);
        Assert.Equal([new ActivePlay("long", now.AddHours(1))], later);
    }

    [Fact]
    public async Task Plays_ATakenBackWriteLeavesTheCopyAsBefore()
    {
        var shared = new InMemoryPlayStore();
        var plays = new CachingPlayStore(shared, _options, _time);
        var now = _time.GetUtcNow();
        var previous = new ActivePlay("renewed", now.AddMinutes(5));
        await plays.RecordAsync("d", previous.Resource, previous.LeaseEnds, CancellationToken.None);
        Assert.Single(await plays.ListActiveAsync("d", now, CancellationToken.None));

        var renewal = await plays.RecordAsync("d", "renewed", now.AddHours(1), CancellationToken.None);
        var added = await plays.RecordAsync("d", "new", now.AddHours(1), CancellationToken.None);
        await plays.RestoreAsync("d", "renewed", previous, renewal, CancellationToken.None);
        await plays.RestoreAsync("d", "new", null, added, CancellationToken.None);

        Assert.Equal([previous], await plays.ListActiveAsync("d", now, CancellationToken.None));
        Assert.Equal([previous], await shared.ListActiveAsync("d", now, CancellationToken.None));
    }

    [Fact]
    public void Cache_OverItsBound_DropsExpiredThenTheLeastRecentlyUsed_NotEverything()
    {
        var cache = new InstanceCache<string>(_time, maxEntries: 2);
        cache.Set("a", "1", _time.GetUtcNow().AddSeconds(1));
        cache.Set("b", "2", _time.GetUtcNow().AddMinutes(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        cache.Set("c", "3", _time.GetUtcNow().AddMinutes(1));
        Assert.Equal(2, cache.Count);
        Assert.Equal("2", cache.TryGet("b"));
        cache.Set("d", "4", _time.GetUtcNow().AddMinutes(1));
        Assert.Equal(2, cache.Count);
        Assert.Null(cache.TryGet("c"));
        Assert.Equal("2", cache.TryGet("b"));
    }
}
