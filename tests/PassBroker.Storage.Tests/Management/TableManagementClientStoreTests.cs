using Azure;
using Azure.Data.Tables;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Storage.Devices;
using PassBroker.Storage.Encryption;
using PassBroker.Storage.Management;
using PassBroker.Storage.Tables;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.Management;

/// <summary>The management client's row on Azurite: round trip, sealing, concurrency, and its place beside the devices.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableManagementClientStoreTests(AzuriteFixture azurite) : AzuriteStoreTests(azurite)
{
    [Fact]
    public async Task FindAsync_NothingStored_ReturnsNull()
    {
        Assert.Null(await Storage.ManagementClients.FindAsync(default));
    }

    [Fact]
    public async Task FindAsync_AfterAdd_ReturnsEveryField()
    {
        var client = TestData.ManagementClient();

        var added = await Storage.ManagementClients.AddAsync(client, default);
        var found = await Storage.ManagementClients.FindAsync(default);

        Assert.False(string.IsNullOrEmpty(added.ETag));
        Assert.Equal(client with { ETag = added.ETag }, added);
        Assert.Equal(added, found);
    }

    [Fact]
    public async Task FindAsync_InAnotherHostOnTheSameTables_ReturnsTheSameClient()
    {
        var added = await Storage.ManagementClients.AddAsync(TestData.ManagementClient() with { AccessToken = null }, default);
        await using var restarted = await Storage.WithKeysAsync(Storage.Keys);

        Assert.Equal(added, await restarted.ManagementClients.FindAsync(default));
    }

    [Fact]
    public async Task AddAsync_Secrets_AreSealedNotInClear()
    {
        var client = await Storage.ManagementClients.AddAsync(TestData.ManagementClient(), default);

        var raw = await RawRowAsync();

        var stored = string.Join("\n", raw.Select(pair => pair.Value?.ToString()));
        Assert.DoesNotContain(client.Credentials.ClientSecret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(client.AccessToken!.Value, stored, StringComparison.Ordinal);
        Assert.StartsWith("v1:k1:", raw.GetString("ClientSecret"), StringComparison.Ordinal);
        Assert.StartsWith("v1:k1:", raw.GetString("AccessToken"), StringComparison.Ordinal);
        Assert.Equal(client.Credentials.ClientId, raw.GetString("ClientId"));
    }

    [Fact]
    public async Task AddAsync_WhenOneIsStored_ThrowsConflictAndKeepsTheFirst()
    {
        var first = await Storage.ManagementClients.AddAsync(TestData.ManagementClient(), default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.ManagementClients.AddAsync(TestData.ManagementClient(), default));

        Assert.Equal(first, await Storage.ManagementClients.FindAsync(default));
    }

    [Fact]
    public async Task UpdateAsync_CurrentETag_ReplacesTheToken()
    {
        var added = await Storage.ManagementClients.AddAsync(TestData.ManagementClient(), default);
        var refreshed = added with { AccessToken = new AccessToken("refreshed", TestData.Instant.AddHours(12)) };

        var updated = await Storage.ManagementClients.UpdateAsync(refreshed, default);

        Assert.NotEqual(added.ETag, updated.ETag);
        Assert.Equal(updated, await Storage.ManagementClients.FindAsync(default));
        Assert.Equal("refreshed", updated.AccessToken!.Value);
    }

    [Fact]
    public async Task UpdateAsync_StaleCopy_ThrowsConflictAndChangesNothing()
    {
        var stale = await Storage.ManagementClients.AddAsync(TestData.ManagementClient(), default);
        var current = await Storage.ManagementClients.UpdateAsync(stale with { AccessToken = null }, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Storage.ManagementClients.UpdateAsync(stale with { Credentials = new ClientCredentials("other", "other-secret") }, default));

        Assert.Equal(current, await Storage.ManagementClients.FindAsync(default));
    }

    [Fact]
    public async Task Row_BesideADeviceOfTheSamePartitionName_BothStayIntact()
    {
        // Device keys are hex in practice; the row key keeps them apart even if one were named like the partition.
        var device = await Storage.Devices.AddAsync(TestData.Device(ManagementClientEntity.Partition), default);
        var client = await Storage.ManagementClients.AddAsync(TestData.ManagementClient(), default);

        Assert.Equal(device, await Storage.Devices.FindAsync(device.DeviceKey, default));
        Assert.Equal(client, await Storage.ManagementClients.FindAsync(default));
    }

    [Fact]
    public async Task FindAsync_SecretCopiedFromADeviceRow_ThrowsSealedValueException()
    {
        var device = await Storage.Devices.AddAsync(TestData.Device(), default);
        await Storage.ManagementClients.AddAsync(TestData.ManagementClient(), default);
        var table = Storage.RawTable(StorageTables.Devices);
        var deviceRow = (await table.GetEntityAsync<TableEntity>(device.DeviceKey, DeviceEntity.Row)).Value;
        var raw = await RawRowAsync();
        raw["ClientSecret"] = deviceRow["ClientSecret"];
        await table.UpdateEntityAsync(raw, ETag.All, TableUpdateMode.Replace);

        await Assert.ThrowsAsync<SealedValueException>(() => Storage.ManagementClients.FindAsync(default));
    }

    private async Task<TableEntity> RawRowAsync() =>
        (await Storage.RawTable(StorageTables.Devices).GetEntityAsync<TableEntity>(ManagementClientEntity.Partition, ManagementClientEntity.Row)).Value;
}
