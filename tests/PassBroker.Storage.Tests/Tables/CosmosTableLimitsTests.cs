using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Devices;
using PassBroker.Core.Profiles;
using PassBroker.Core.Upstream;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.Storage.Tables;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.Tables;

/// <summary>
/// The multi-region deployment keeps these tables in Azure Cosmos DB for Table (docs/deployment.md), whose keys are
/// narrower than Azure Table Storage's: no empty PartitionKey or RowKey, a RowKey of at most 255 bytes. There is no
/// Cosmos DB emulator here, so every store writes its rows on Azurite and each row is checked against those limits.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CosmosTableLimitsTests(AzuriteFixture azurite) : AzuriteStoreTests(azurite)
{
    // https://learn.microsoft.com/azure/cosmos-db/table/faq ("Row keys can only be up to 255 bytes")
    private const int CosmosMaxRowKeyBytes = 255;

    [Fact]
    public async Task Every_row_the_stores_write_has_keys_cosmos_db_for_table_accepts()
    {
        var deviceKey = TestData.NewDeviceKey();
        var now = DateTimeOffset.UtcNow;
        await Storage.Devices.AddAsync(TestData.Device(deviceKey), default);
        await Storage.ManagementClients.AddAsync(TestData.ManagementClient(), default);
        await Storage.Sessions.StartPendingAsync(TestData.Session(deviceKey, "ABC1234"), s => s, default);
        await Storage.Profiles.SetAsync(deviceKey, new CachedProfiles([TestData.Profile("Cablevision")], now.AddHours(1)), default);
        var permit = new Decision { Resource = new string('r', 2000), Mvpd = "Cablevision", Authorized = true, NotBefore = now, NotAfter = now.AddHours(1) };
        await Storage.Decisions.SetPermitsAsync(deviceKey, [permit], default);
        await Storage.Plays.RecordAsync(deviceKey, new string('r', 2000), now.AddHours(1), default);
        await Storage.Services.GetRequiredService<IPendingSignInStore>().PutAsync(
            new PendingSignIn(deviceKey, "ABC1234", null, new ClientEndpoint("2001:db8::1", 443), now.AddMinutes(30), 0, 0, 1), default);

        var rows = new List<(string Table, TableEntity Row)>();
        foreach (var table in (string[])[StorageTables.Devices, StorageTables.Sessions, StorageTables.SessionCodes, StorageTables.Profiles, StorageTables.Decisions, StorageTables.Plays, StorageTables.PendingSignIns])
        {
            rows.AddRange((await Storage.RawTable(table).QueryAsync<TableEntity>().ToListAsync()).Select(r => (table, r)));
        }

        Assert.Equal(9, rows.Count); // device, management client, session, its start lock, code, profiles, permit, play, pending sign-in
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.Row.PartitionKey), $"{r.Table}: empty PartitionKey"));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.Row.RowKey), $"{r.Table}: empty RowKey"));
        Assert.All(rows, r => Assert.True(Encoding.UTF8.GetByteCount(r.Row.RowKey) <= CosmosMaxRowKeyBytes, $"{r.Table}: RowKey over 255 bytes"));
    }
}
