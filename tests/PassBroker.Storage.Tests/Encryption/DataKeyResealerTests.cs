using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Storage.Devices;
using PassBroker.Storage.Encryption;
using PassBroker.Storage.Management;
using PassBroker.Storage.Tables;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.Encryption;

/// <summary>Moving sealed device secrets to a new data key, on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DataKeyResealerTests(AzuriteFixture azurite) : AzuriteStoreTests(azurite)
{
    [Fact]
    public async Task ResealAsync_RowsUnderTwoVersions_AllMoveToTheCurrent_AndOpenWithoutTheOldKey()
    {
        var oldDevices = await AddDevicesAsync(Storage, 5, "old");
        await using var rotated = await Storage.WithKeysAsync(Storage.Keys.RotateTo("k2"));
        var newDevice = await AddDevicesAsync(rotated, 1, "new");
        var resealer = rotated.Services.GetRequiredService<IDataKeyResealer>();

        // Two rows a call, as an operator would page through a big table.
        var reports = new List<ResealReport>();
        string? continuation = null;
        do
        {
            var report = await resealer.ResealAsync(continuation, 2, default);
            reports.Add(report);
            continuation = report.Continuation;
        }
        while (continuation is not null);

        Assert.Equal(6, reports.Sum(r => r.Scanned));
        Assert.Equal(5, reports.Sum(r => r.Resealed));
        Assert.All(reports, r => Assert.Equal("k2", r.CurrentVersion));
        Assert.Equal(0, reports.Sum(r => r.Conflicts + r.Unreadable));
        await foreach (var row in Storage.RawTable(StorageTables.Devices).QueryAsync<TableEntity>())
        {
            Assert.StartsWith("v1:k2:", row.GetString(nameof(DeviceEntity.ClientSecret)), StringComparison.Ordinal);
            Assert.StartsWith("v1:k2:", row.GetString(nameof(DeviceEntity.AccessToken)), StringComparison.Ordinal);
            Assert.StartsWith("v1:k2:", row.GetString("SealedDeviceId"), StringComparison.Ordinal);
        }
        // k1 can now be retired: every record, old and new, opens with k2 alone, every field intact.
        await using var retired = await Storage.WithKeysAsync(rotated.Keys.Without("k1"));
        foreach (var device in oldDevices.Concat(newDevice))
        {
            var found = await retired.Devices.FindAsync(device.DeviceKey, default);
            Assert.Equal(device with { ETag = found!.ETag }, found);
        }
    }

    [Fact]
    public async Task ResealAsync_AgainAfterItFinished_ReadsButWritesNothing()
    {
        await AddDevicesAsync(Storage, 3, "done");
        var resealer = Storage.Services.GetRequiredService<IDataKeyResealer>();
        var before = new List<string>();
        await foreach (var row in Storage.RawTable(StorageTables.Devices).QueryAsync<TableEntity>())
        {
            before.Add(row.ETag.ToString());
        }

        var report = await resealer.ResealAsync(null, 100, default);

        Assert.Equal(new ResealReport("k1", 3, 0, 0, 0, null), report);
        var after = new List<string>();
        await foreach (var row in Storage.RawTable(StorageTables.Devices).QueryAsync<TableEntity>())
        {
            after.Add(row.ETag.ToString());
        }
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ResealAsync_RowUnderAnUnknownKey_CountedAndLeftAsItIs()
    {
        await using var stranger = await StorageTestHost.StartAsync(Azurite.ConnectionString, TestDataKeys.Create("k0"), Storage.Prefix);
        var orphan = Assert.Single(await AddDevicesAsync(stranger, 1, "orphan"));
        await AddDevicesAsync(Storage, 1, "fine");
        var stored = await Storage.RawTable(StorageTables.Devices).GetEntityAsync<TableEntity>(TableKeys.Escape(orphan.DeviceKey), DeviceEntity.Row);

        var report = await Storage.Services.GetRequiredService<IDataKeyResealer>().ResealAsync(null, 100, default);

        Assert.Equal((2, 0, 1), (report.Scanned, report.Resealed, report.Unreadable));
        var after = await Storage.RawTable(StorageTables.Devices).GetEntityAsync<TableEntity>(TableKeys.Escape(orphan.DeviceKey), DeviceEntity.Row);
        Assert.Equal(stored.Value.ETag, after.Value.ETag);
    }

    [Fact]
    public async Task ResealAsync_ManagementClientRow_MovesWithTheDevices_AndOpensWithoutTheOldKey()
    {
        var client = await Storage.ManagementClients.AddAsync(TestData.ManagementClient(), default);
        await AddDevicesAsync(Storage, 1, "beside");
        await using var rotated = await Storage.WithKeysAsync(Storage.Keys.RotateTo("k2"));

        var report = await rotated.Services.GetRequiredService<IDataKeyResealer>().ResealAsync(null, 100, default);

        Assert.Equal((2, 2, 0), (report.Scanned, report.Resealed, report.Unreadable));
        var raw = (await Storage.RawTable(StorageTables.Devices).GetEntityAsync<TableEntity>(ManagementClientEntity.Partition, ManagementClientEntity.Row)).Value;
        Assert.StartsWith("v1:k2:", raw.GetString(nameof(ManagementClientEntity.ClientSecret)), StringComparison.Ordinal);
        Assert.StartsWith("v1:k2:", raw.GetString(nameof(ManagementClientEntity.AccessToken)), StringComparison.Ordinal);
        await using var retired = await Storage.WithKeysAsync(rotated.Keys.Without("k1"));
        var found = await retired.ManagementClients.FindAsync(default);
        Assert.Equal(client with { ETag = found!.ETag }, found);
    }

    [Fact]
    public async Task ResealAsync_EveryBrandsRows_AreResealedInOnePass()
    {
        var sports = await Storage.ManagementClients.AddAsync(TestData.ManagementClient() with { Brand = "sports" }, default);
        var device = await Storage.Devices.AddAsync(TestData.Device() with { Brand = "sports" }, default);
        await using var rotated = await Storage.WithKeysAsync(Storage.Keys.RotateTo("k2"));

        var report = await rotated.Services.GetRequiredService<IDataKeyResealer>().ResealAsync(null, 100, default);

        Assert.Equal((2, 2, 0), (report.Scanned, report.Resealed, report.Unreadable));
        await using var retired = await Storage.WithKeysAsync(rotated.Keys.Without("k1"));
        var found = await retired.ManagementClients.FindAsync("sports", default);
        Assert.Equal(sports with { ETag = found!.ETag }, found);
        Assert.Equal("sports", (await retired.Devices.FindAsync(device.DeviceKey, default))!.Brand);
    }

    [Fact]
    public async Task ResealAsync_LegacyRowsWithClearDeviceIds_SealsTheIdsDropsTheClearColumnAndCountsThem()
    {
        var legacy = new List<Core.Devices.DeviceRecord>();
        for (var i = 0; i < 2; i++)
        {
            legacy.Add(await Devices.TableDeviceStoreTests.AddLegacyRowAsync(Storage, TestData.Device()));
        }
        await AddDevicesAsync(Storage, 1, "sealed");

        var report = await Storage.Services.GetRequiredService<IDataKeyResealer>().ResealAsync(null, 100, default);

        Assert.Equal(new ResealReport("k1", 3, 2, 0, 0, null), report);
        foreach (var device in legacy)
        {
            var raw = (await Storage.RawTable(StorageTables.Devices).GetEntityAsync<TableEntity>(TableKeys.Escape(device.DeviceKey), DeviceEntity.Row)).Value;
            Assert.False(raw.ContainsKey("DeviceId"));
            Assert.StartsWith("v1:k1:", raw.GetString("SealedDeviceId"), StringComparison.Ordinal);
            Assert.DoesNotContain(device.DeviceId, string.Join("\n", raw.Select(pair => pair.Value?.ToString())), StringComparison.Ordinal);
            // Every other field survives the rewrite.
            var found = await Storage.Devices.FindAsync(device.DeviceKey, default);
            Assert.Equal(device with { ETag = found!.ETag }, found);
        }
    }

    private static async Task<List<Core.Devices.DeviceRecord>> AddDevicesAsync(StorageTestHost storage, int count, string prefix)
    {
        var added = new List<Core.Devices.DeviceRecord>();
        for (var i = 0; i < count; i++)
        {
            added.Add(await storage.Devices.AddAsync(TestData.Device($"{prefix}-{i}"), default));
        }
        return added;
    }
}
