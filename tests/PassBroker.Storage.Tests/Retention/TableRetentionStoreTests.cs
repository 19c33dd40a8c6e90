using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Core.Retention;
using PassBroker.Core.Sessions;
using PassBroker.Core.Upstream;
using PassBroker.Storage.Tables;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.Retention;

/// <summary>
/// The retention purge over the real tables on Azurite, on a fake clock: each table's rows go once their retention ran
/// out and not before, a row written meanwhile stays, and a run does bounded work that the next run carries on.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRetentionStoreTests(AzuriteFixture azurite) : AzuriteStoreTests(azurite)
{
    private readonly FakeTimeProvider _time = new(TestData.Instant);
    private readonly RetentionOptions _options = new();

    private IRetentionStore Store => Storage.Services.GetRequiredService<IRetentionStore>();

    private RetentionPurge Purge() => new(Store, Options.Create(_options), _time, NullLogger<RetentionPurge>.Instance);

    [Fact]
    public async Task Sessions_GoWithTheirCodeRows_OnceTheRetentionPastTheCodesExpiryRanOut()
    {
        // Arrange: a sign-in that ended with a profile, its code row, and the device's start lock
        var deviceKey = TestData.NewDeviceKey();
        var old = await Storage.Sessions.StartPendingAsync(TestData.Session(deviceKey, "OLD111"), s => s, default);
        await Storage.Sessions.UpdateAsync(old.Session.End(SessionStatus.Authenticated, TestData.Instant.AddMinutes(5)), default);

        // Act: just before and just after a day past the code's expiry (TestData: 30 minutes after the instant)
        _time.Advance(TimeSpan.FromMinutes(30) + _options.Sessions - TimeSpan.FromSeconds(1));
        var before = await Purge().RunAsync(default);
        var fresh = await Storage.Sessions.StartPendingAsync(TestData.Session(deviceKey, "NEW222") with { ExpiresAt = _time.GetUtcNow().AddMinutes(30) }, s => s, default);
        _time.Advance(TimeSpan.FromSeconds(2));
        var after = await Purge().RunAsync(default);

        // Assert
        Assert.Equal(0, before[RetainedData.Sessions].Deleted);
        Assert.Equal(1, after[RetainedData.Sessions].Deleted);
        Assert.Null(await Storage.Sessions.FindAsync(deviceKey, "OLD111", default));
        Assert.Null(await Storage.Sessions.FindByCodeAsync("OLD111", default));
        Assert.NotNull(await Storage.Sessions.FindByCodeAsync(fresh.Session.Code, default));
        Assert.NotNull((await Storage.RawTable(StorageTables.Sessions).GetEntityIfExistsAsync<TableEntity>(deviceKey, "~start")).Value);
    }

    [Fact]
    public async Task Sessions_CodeRowNowPointingAtAnotherDevice_Stays()
    {
        var (first, second) = (TestData.NewDeviceKey(), TestData.NewDeviceKey());
        await Storage.Sessions.AddAsync(TestData.Session(first, "SAME33"), default);
        // Adobe issued the same code again, later, to another device: the code row is that device's now.
        await Storage.Sessions.AddAsync(TestData.Session(second, "SAME33") with { ExpiresAt = TestData.Instant.AddDays(5) }, default);

        _time.Advance(TimeSpan.FromMinutes(31) + _options.Sessions);
        var report = await Purge().RunAsync(default);

        Assert.Equal(1, report[RetainedData.Sessions].Deleted);
        Assert.Equal(second, (await Storage.Sessions.FindByCodeAsync("SAME33", default))?.DeviceKey);
    }

    [Fact]
    public async Task SessionCodes_LeftWithoutTheirSession_GoByTheirOwnExpiry()
    {
        var deviceKey = TestData.NewDeviceKey();
        await Storage.Sessions.AddAsync(TestData.Session(deviceKey, "LONE44"), default);
        await Storage.RawTable(StorageTables.Sessions).DeleteEntityAsync(deviceKey, "LONE44");

        _time.Advance(TimeSpan.FromMinutes(31) + _options.Sessions);
        var report = await Purge().RunAsync(default);

        Assert.Equal(1, report[RetainedData.SessionCodes].Deleted);
        Assert.Empty(await Storage.RawTable(StorageTables.SessionCodes).QueryAsync<TableEntity>("PartitionKey eq 'LONE44'").ToListAsync());
    }

    [Fact]
    public async Task Plays_EndedLeasesGo_CurrentOnesStay()
    {
        var deviceKey = TestData.NewDeviceKey();
        await Storage.Plays.RecordAsync(deviceKey, "ended", TestData.Instant.AddMinutes(-1), default);
        await Storage.Plays.RecordAsync(deviceKey, "playing", TestData.Instant.AddHours(1), default);

        var report = await Purge().RunAsync(default);

        Assert.Equal(1, report[RetainedData.Plays].Deleted);
        Assert.Equal(["playing"], (await Storage.Plays.ListActiveAsync(deviceKey, DateTimeOffset.MinValue, default)).Select(p => p.Resource));
    }

    [Fact]
    public async Task Plays_RenewedBetweenListingAndDelete_IsKept()
    {
        var deviceKey = TestData.NewDeviceKey();
        await Storage.Plays.RecordAsync(deviceKey, "show-1", TestData.Instant.AddMinutes(-1), default);
        var listed = await Store.ListExpiredAsync(RetainedData.Plays, TestData.Instant, null, 10, default);

        // The device plays the title again: the lease is renewed before the purge gets to delete it.
        await Storage.Plays.RecordAsync(deviceKey, "show-1", TestData.Instant.AddHours(4), default);
        var outcome = await Store.DeleteAsync(Assert.Single(listed.Rows), default);

        Assert.Equal(PurgeOutcome.Changed, outcome);
        Assert.Single(await Storage.Plays.ListActiveAsync(deviceKey, TestData.Instant, default));
        Assert.Equal(PurgeOutcome.AlreadyGone, await Store.DeleteAsync(
            new ExpiredRow(RetainedData.Plays, deviceKey, "no-such-row", "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\""), default));
    }

    [Fact]
    public async Task Decisions_ExpiredPermitsGo_ValidOnesStay()
    {
        var deviceKey = TestData.NewDeviceKey();
        await Storage.Decisions.SetPermitsAsync(deviceKey,
            [Permit("expired", TestData.Instant.AddSeconds(-1)), Permit("valid", TestData.Instant.AddHours(1))], default);

        var report = await Purge().RunAsync(default);

        Assert.Equal(1, report[RetainedData.Decisions].Deleted);
        var left = Storage.RawTable(StorageTables.Decisions).QueryAsync<TableEntity>($"PartitionKey eq '{deviceKey}'");
        Assert.Equal(["valid"], await left.Select(r => r.GetString("Resource")).ToListAsync());
    }

    [Fact]
    public async Task Profiles_CopiesPastTheirNotAfterGo()
    {
        var (stale, current) = (TestData.NewDeviceKey(), TestData.NewDeviceKey());
        await Storage.Profiles.SetAsync(stale, new([TestData.Profile("ExampleCable")], TestData.Instant.AddSeconds(-1)), default);
        await Storage.Profiles.SetAsync(current, new([TestData.Profile("ExampleCable")], TestData.Instant.AddDays(1)), default);

        var report = await Purge().RunAsync(default);
        Assert.Equal(1, report[RetainedData.Profiles].Deleted);
        var profiles = Storage.RawTable(StorageTables.Profiles);
        Assert.False((await profiles.GetEntityIfExistsAsync<TableEntity>(stale, "profiles")).HasValue);
        Assert.True((await profiles.GetEntityIfExistsAsync<TableEntity>(current, "profiles")).HasValue);
    }

    [Fact]
    public async Task UnusedDevices_NeverSignedInAndOldEnough_Go_EveryOtherDeviceRowStays()
    {
        // Arrange: registered at TestData.Instant: one never signed in, one did; one registered later; one written
        // before the SignedInAt column existed; and PassBroker's own management client in the same table.
        var unused = await Storage.Devices.AddAsync(TestData.Device(), default);
        var signedIn = await Storage.Devices.AddAsync(TestData.Device() with { SignedInAt = TestData.Instant.AddMinutes(3) }, default);
        var young = await Storage.Devices.AddAsync(TestData.Device() with { RegisteredAt = TestData.Instant.AddDays(20) }, default);
        var legacy = await Storage.Devices.AddAsync(TestData.Device(), default);
        var raw = Storage.RawTable(StorageTables.Devices);
        var legacyRow = (await raw.GetEntityAsync<TableEntity>(legacy.DeviceKey, "device")).Value;
        legacyRow.Remove("SignedInAt");
        await raw.UpdateEntityAsync(legacyRow, legacyRow.ETag, TableUpdateMode.Replace);
        await Storage.ManagementClients.AddAsync(TestData.ManagementClient(), default);
        await Storage.Sessions.StartPendingAsync(TestData.Session(unused.DeviceKey, "UNU555"), s => s, default);

        // Act
        _time.Advance(_options.UnusedDevices + TimeSpan.FromSeconds(1));
        var report = await Purge().RunAsync(default);

        // Assert
        Assert.Equal(1, report[RetainedData.UnusedDevices].Deleted);
        Assert.Null(await Storage.Devices.FindAsync(unused.DeviceKey, default));
        Assert.False((await Storage.RawTable(StorageTables.Sessions).GetEntityIfExistsAsync<TableEntity>(unused.DeviceKey, "~start")).HasValue);
        Assert.NotNull(await Storage.Devices.FindAsync(signedIn.DeviceKey, default));
        Assert.NotNull(await Storage.Devices.FindAsync(young.DeviceKey, default));
        // A device of unknown history reads as signed in (at registration), so it is never taken for unused.
        Assert.Equal(legacy.RegisteredAt, (await Storage.Devices.FindAsync(legacy.DeviceKey, default))?.SignedInAt);
        Assert.NotNull(await Storage.ManagementClients.FindAsync(default));
    }

    [Fact]
    public async Task UnusedDevices_SignedInBetweenListingAndDelete_IsKept()
    {
        var device = await Storage.Devices.AddAsync(TestData.Device(), default);
        var listed = await Store.ListExpiredAsync(RetainedData.UnusedDevices, TestData.Instant.AddDays(31), null, 10, default);

        await Storage.Devices.UpdateAsync(device with { SignedInAt = TestData.Instant.AddDays(31) }, default);
        var outcome = await Store.DeleteAsync(Assert.Single(listed.Rows), default);

        Assert.Equal(PurgeOutcome.Changed, outcome);
        Assert.NotNull(await Storage.Devices.FindAsync(device.DeviceKey, default));
    }

    [Fact]
    public async Task Run_DoesBoundedWork_AndTheNextRunCarriesOn()
    {
        _options.MaxRowsPerRun = 2;
        var deviceKey = TestData.NewDeviceKey();
        for (var i = 0; i < 5; i++)
        {
            await Storage.Plays.RecordAsync(deviceKey, "show-" + i, TestData.Instant.AddMinutes(-1), default);
        }
        var purge = Purge();

        var runs = new List<PurgeResult>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add((await purge.RunAsync(default))[RetainedData.Plays]);
        }

        Assert.Equal([2, 2, 1], runs.Select(r => r.Deleted));
        Assert.Equal([false, false, true], runs.Select(r => r.Complete));
    }

    [Fact]
    public async Task ListHoldingProfiles_FindsOnlySessionsThatStillHoldOne_AndAReleaseIsStored()
    {
        var deviceKey = TestData.NewDeviceKey();
        var holding = await Storage.Sessions.AddAsync(TestData.Session(deviceKey, "HOLD66", SessionStatus.Authenticated) with { Profile = TestData.Profile("ExampleCable") }, default);
        await Storage.Sessions.AddAsync(TestData.Session(deviceKey, "DONE77", SessionStatus.Authenticated), default);
        await Storage.Sessions.AddAsync(TestData.Session(deviceKey, "WAIT88"), default);

        var found = await Storage.Sessions.ListHoldingProfilesAsync(deviceKey, default).ToListAsync();
        await Storage.Sessions.UpdateAsync(holding.ReleaseProfile(ProfileReleaseReasons.SignedOut), default);

        Assert.Equal(["HOLD66"], found.Select(s => s.Code));
        var stored = await Storage.Sessions.FindAsync(deviceKey, "HOLD66", default);
        Assert.Null(stored!.Profile);
        Assert.Equal(ProfileReleaseReasons.SignedOut, stored.ProfileReleased);
        Assert.Empty(await Storage.Sessions.ListHoldingProfilesAsync(deviceKey, default).ToListAsync());
    }

    [Fact]
    public async Task Plays_RemoveAll_EndsEveryLeaseOfTheDeviceOnly()
    {
        var (device, other) = (TestData.NewDeviceKey(), TestData.NewDeviceKey());
        await Storage.Plays.RecordAsync(device, "show-1", TestData.Instant.AddHours(1), default);
        await Storage.Plays.RecordAsync(device, "show-2", TestData.Instant.AddHours(1), default);
        await Storage.Plays.RecordAsync(other, "show-1", TestData.Instant.AddHours(1), default);

        await Storage.Plays.RemoveAllAsync(device, default);

        Assert.Empty(await Storage.Plays.ListActiveAsync(device, TestData.Instant, default));
        Assert.Single(await Storage.Plays.ListActiveAsync(other, TestData.Instant, default));
    }

    private static Decision Permit(string resource, DateTimeOffset notAfter) =>
        new() { Resource = resource, Mvpd = "ExampleCable", Authorized = true, NotAfter = notAfter };
}
