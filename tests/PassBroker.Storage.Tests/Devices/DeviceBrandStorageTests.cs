using Azure;
using Azure.Data.Tables;
using PassBroker.Core.Brands;
using PassBroker.Core.Errors;
using PassBroker.Storage.Devices;
using PassBroker.Storage.Encryption;
using PassBroker.Storage.Management;
using PassBroker.Storage.Tables;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.Devices;

/// <summary>
/// Brands in the rows, on Azurite: a device row names its brand (absent = the default brand, as on every row written
/// before brands), and each brand has its own management client row, the default brand's where it always was.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeviceBrandStorageTests(AzuriteFixture azurite) : AzuriteStoreTests(azurite)
{
    [Fact]
    public async Task Device_OfABrand_RoundTripsItsBrand()
    {
        var device = await Storage.Devices.AddAsync(TestData.Device() with { Brand = "sports" }, default);

        Assert.Equal("sports", (await Storage.Devices.FindAsync(device.DeviceKey, default))!.Brand);
        Assert.Equal("sports", (await RawDeviceAsync(device.DeviceKey)).GetString("Brand"));
    }

    [Fact]
    public async Task Device_OfTheDefaultBrand_IsStoredWithoutTheColumn()
    {
        var device = await Storage.Devices.AddAsync(TestData.Device(), default);

        Assert.False((await RawDeviceAsync(device.DeviceKey)).ContainsKey("Brand"));
        Assert.Equal(BrandKeys.Default, (await Storage.Devices.FindAsync(device.DeviceKey, default))!.Brand);
    }

    [Fact]
    public async Task Device_RowWrittenBeforeBrands_ReadsAsTheDefaultBrand()
    {
        var device = await Storage.Devices.AddAsync(TestData.Device() with { Brand = "sports" }, default);
        var raw = await RawDeviceAsync(device.DeviceKey);
        raw.Remove("Brand"); // as every row written before the column existed
        await Storage.RawTable(StorageTables.Devices).UpdateEntityAsync(raw, ETag.All, TableUpdateMode.Replace);

        var found = await Storage.Devices.FindAsync(device.DeviceKey, default);

        Assert.Equal(BrandKeys.Default, found!.Brand);
        Assert.Equal(device.DeviceId, found.DeviceId);
    }

    [Fact]
    public async Task ManagementClients_OfTwoBrands_AreTwoRows_TheDefaultBrandsWhereItWas()
    {
        var main = await Storage.ManagementClients.AddAsync(TestData.ManagementClient(), default);
        var sports = await Storage.ManagementClients.AddAsync(TestData.ManagementClient() with { Brand = "sports" }, default);

        Assert.Equal(main, await Storage.ManagementClients.FindAsync(BrandKeys.Default, default));
        Assert.Equal(sports, await Storage.ManagementClients.FindAsync("sports", default));
        Assert.Null(await Storage.ManagementClients.FindAsync("news", default));
        var table = Storage.RawTable(StorageTables.Devices);
        Assert.Equal(main.Credentials.ClientId,
            (await table.GetEntityAsync<TableEntity>(ManagementClientEntity.Partition, ManagementClientEntity.Row)).Value.GetString("ClientId"));
        Assert.Equal(sports.Credentials.ClientId,
            (await table.GetEntityAsync<TableEntity>("sports~passbroker", ManagementClientEntity.Row)).Value.GetString("ClientId"));
    }

    [Fact]
    public async Task ManagementClient_OfABrand_UpdatesOnlyItsOwnRow()
    {
        var main = await Storage.ManagementClients.AddAsync(TestData.ManagementClient(), default);
        var sports = await Storage.ManagementClients.AddAsync(TestData.ManagementClient() with { Brand = "sports" }, default);

        await Storage.ManagementClients.UpdateAsync(sports with { AccessToken = null }, default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.ManagementClients.AddAsync(TestData.ManagementClient() with { Brand = "sports" }, default));

        Assert.Equal(main, await Storage.ManagementClients.FindAsync(BrandKeys.Default, default));
        Assert.Null((await Storage.ManagementClients.FindAsync("sports", default))!.AccessToken);
    }

    [Fact]
    public async Task ManagementClient_SecretCopiedFromAnotherBrandsRow_DoesNotOpen()
    {
        await Storage.ManagementClients.AddAsync(TestData.ManagementClient(), default);
        await Storage.ManagementClients.AddAsync(TestData.ManagementClient() with { Brand = "sports" }, default);
        var table = Storage.RawTable(StorageTables.Devices);
        var main = (await table.GetEntityAsync<TableEntity>(ManagementClientEntity.Partition, ManagementClientEntity.Row)).Value;
        var sports = (await table.GetEntityAsync<TableEntity>("sports~passbroker", ManagementClientEntity.Row)).Value;
        sports["ClientSecret"] = main["ClientSecret"];
        await table.UpdateEntityAsync(sports, ETag.All, TableUpdateMode.Replace);

        await Assert.ThrowsAsync<SealedValueException>(() => Storage.ManagementClients.FindAsync("sports", default));
    }

    private async Task<TableEntity> RawDeviceAsync(string deviceKey) =>
        (await Storage.RawTable(StorageTables.Devices).GetEntityAsync<TableEntity>(deviceKey, DeviceEntity.Row)).Value;
}
