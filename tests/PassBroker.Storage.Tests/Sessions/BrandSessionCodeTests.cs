using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Core.Brands;
using PassBroker.Core.Retention;
using PassBroker.Core.Sessions;
using PassBroker.Storage.Sessions;
using PassBroker.Storage.Tables;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.Sessions;

/// <summary>
/// Session codes per brand on Azurite: Adobe issues codes per service provider, so two brands may hold the same code at
/// once; each is found under its own brand, both under both, and the default brand's rows keep the keys they had.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrandSessionCodeTests(AzuriteFixture azurite) : AzuriteStoreTests(azurite)
{
    private const string Other = "ref31";

    private ISessionStore Store => Storage.Sessions;

    [Fact]
    public async Task SameCodeUnderTwoBrands_EachBrandFindsItsOwn_BothAreFoundUnderBoth()
    {
        var ours = await Store.StartPendingAsync(TestData.Session(TestData.NewDeviceKey(), "TWIN123"), s => s, default);
        var theirs = await Store.StartPendingAsync(TestData.Session(TestData.NewDeviceKey(), "TWIN123") with { Brand = Other }, s => s, default);

        var underDefault = await Store.FindByCodeAsync("TWIN123", [BrandKeys.Default], default);
        var underOther = await Store.FindByCodeAsync("TWIN123", [Other], default);
        var underBoth = await Store.FindByCodeAsync("TWIN123", [BrandKeys.Default, Other], default);

        Assert.Equal(ours.Session.DeviceKey, Assert.Single(underDefault).DeviceKey);
        Assert.Equal((theirs.Session.DeviceKey, Other), (Assert.Single(underOther).DeviceKey, underOther[0].Brand));
        Assert.Equal([ours.Session.DeviceKey, theirs.Session.DeviceKey], underBoth.Select(s => s.DeviceKey));
    }

    [Fact]
    public async Task BrandsCodeRow_IsScopedToTheBrand_TheDefaultBrandsKeepsItsKey()
    {
        await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "KEYS123"), default);
        await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "KEYS123") with { Brand = Other }, default);

        var rows = await Storage.RawTable(StorageTables.SessionCodes).QueryAsync<TableEntity>("PartitionKey eq 'KEYS123'").ToListAsync();

        Assert.Equal([SessionCodeEntity.Row, $"{Other}~code"], rows.Select(r => r.RowKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CodeOfOneBrand_IsNotFoundUnderAnother()
    {
        await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "MINE123") with { Brand = Other }, default);

        Assert.Empty(await Store.FindByCodeAsync("MINE123", [BrandKeys.Default, "ref32"], default));
    }

    [Fact]
    public async Task CodeRowsWrittenBeforeBrands_AreTheDefaultBrands_AndOnlyItsOwn()
    {
        // A row as stored before brands (and before the non-empty RowKey): it is the default brand's.
        var session = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "OLDROW1"), default);
        var codes = Storage.RawTable(StorageTables.SessionCodes);
        await codes.DeleteEntityAsync(session.Code, SessionCodeEntity.Row);
        await codes.AddEntityAsync(new TableEntity(session.Code, SessionCodeEntity.LegacyRow) { ["DeviceKey"] = session.DeviceKey });

        Assert.Equal(session.DeviceKey, Assert.Single(await Store.FindByCodeAsync(session.Code, [BrandKeys.Default, Other], default)).DeviceKey);
        Assert.Empty(await Store.FindByCodeAsync(session.Code, [Other], default));
    }

    [Fact]
    public async Task SessionsBrand_RoundTrips_AndARowWithoutTheColumnIsTheDefaultBrands()
    {
        var branded = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "BRAND12") with { Brand = Other }, default);
        var plain = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "PLAIN12"), default);

        var stored = (await Storage.RawTable(StorageTables.Sessions).GetEntityAsync<TableEntity>(plain.DeviceKey, plain.Code)).Value;

        Assert.Equal(Other, (await Store.FindAsync(branded.DeviceKey, branded.Code, default))!.Brand);
        Assert.Equal(BrandKeys.Default, (await Store.FindAsync(plain.DeviceKey, plain.Code, default))!.Brand);
        Assert.False(stored.ContainsKey("Brand"));
    }

    [Fact]
    public async Task PurgedSession_TakesItsBrandsCodeRow_NotAnotherBrandsWithTheSameCode()
    {
        var time = new FakeTimeProvider(TestData.Instant);
        await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "PURGE12") with { Brand = Other }, default);
        var kept = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "PURGE12") with { ExpiresAt = TestData.Instant.AddDays(5) }, default);
        var options = new RetentionOptions();
        time.Advance(TimeSpan.FromMinutes(31) + options.Sessions);

        var report = await new RetentionPurge(Storage.Services.GetRequiredService<IRetentionStore>(), Options.Create(options), time,
            NullLogger<RetentionPurge>.Instance).RunAsync(default);

        Assert.Equal(1, report[RetainedData.Sessions].Deleted);
        Assert.Empty(await Store.FindByCodeAsync("PURGE12", [Other], default));
        Assert.Equal(kept.DeviceKey, Assert.Single(await Store.FindByCodeAsync("PURGE12", [BrandKeys.Default, Other], default)).DeviceKey);
    }
}
