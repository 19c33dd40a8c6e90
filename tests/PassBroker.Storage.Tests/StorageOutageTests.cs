using PassBroker.Core.Errors;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests;

/// <summary>Storage going away. Uses an Azurite of its own, since stopping the shared one would fail other tests.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task FindAsync_NothingListening_ThrowsStoreUnavailable()
    {
        // Nothing answers there, so the key is never checked.
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=AAAA;" +
            $"TableEndpoint=http://127.0.0.1:{LoopbackPorts.Free()}/devstoreaccount1;";
        await using var storage = await StorageTestHost.StartAsync(connection);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => storage.Devices.FindAsync(TestData.NewDeviceKey(), default));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => storage.Sessions.ListPendingAsync(null, default).ToListAsync().AsTask());
    }

    [Fact]
    public async Task Stores_AzuriteStoppedThenRestarted_AreUnavailableThenRecoverTheirTables()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            if (!azurite.IsOwnProcess)
            {
                return; // An external Azurite (PASSBROKER_AZURITE_CONNECTION) cannot be stopped from here.
            }
            await using var storage = await StorageTestHost.StartAsync(azurite.ConnectionString);
            var device = await storage.Devices.AddAsync(TestData.Device(), default);

            await azurite.StopAsync();
            await Assert.ThrowsAsync<StoreUnavailableException>(() => storage.Devices.FindAsync(device.DeviceKey, default));

            // In-memory Azurite comes back empty: the stores must create their tables again, not fail with "table not found".
            await azurite.RestartAsync();
            Assert.Null(await storage.Devices.FindAsync(device.DeviceKey, default));
            var again = await storage.Devices.AddAsync(TestData.Device(device.DeviceKey), default);
            Assert.Equal(again, await storage.Devices.FindAsync(device.DeviceKey, default));
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}
