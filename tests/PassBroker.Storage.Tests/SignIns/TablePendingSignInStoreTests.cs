using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Devices;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.Storage.SignIns;
using PassBroker.Storage.Tables;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.SignIns;

/// <summary>The sharded shape's pending sign-ins on Azurite: one row per device, a round reads its shard's slot's due
/// rows only, and a removal never takes a newer sign-in's row.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TablePendingSignInStoreTests(AzuriteFixture azurite) : AzuriteStoreTests(azurite)
{
    private IPendingSignInStore Pending => Storage.Services.GetRequiredService<IPendingSignInStore>();

    private static PendingSignIn Row(string deviceKey, string code = "ABC1234", int shard = 1, int slot = 2, long firstDue = 10) =>
        new(deviceKey, code, "Cablevision", new ClientEndpoint("2001:db8::1", 443), TestData.Instant.AddMinutes(30), shard, slot, firstDue);

    [Fact]
    public async Task ListDueAsync_ReturnsTheSlotsRowsDueByTheTick_WithWhatAPollNeeds()
    {
        var due = Row(TestData.NewDeviceKey());
        await Pending.PutAsync(due, default);
        await Pending.PutAsync(Row(TestData.NewDeviceKey(), firstDue: 11), default);   // not due yet
        await Pending.PutAsync(Row(TestData.NewDeviceKey(), slot: 3), default);        // another slot
        await Pending.PutAsync(Row(TestData.NewDeviceKey(), shard: 2), default);       // another shard

        var rows = await Pending.ListDueAsync(1, 2, 10, default).ToListAsync();

        var row = Assert.Single(rows);
        Assert.Equal(due, row with { ETag = null });
        Assert.NotNull(row.ETag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sports")]
    public async Task ListDueAsync_KeepsTheDevicesBrand_NoColumnForTheDefault(string brand)
    {
        var deviceKey = TestData.NewDeviceKey();
        await Pending.PutAsync(Row(deviceKey) with { Brand = brand }, default);

        var row = Assert.Single(await Pending.ListDueAsync(1, 2, 10, default).ToListAsync(), r => r.DeviceKey == deviceKey);
        var stored = await Storage.RawTable(StorageTables.PendingSignIns).GetEntityAsync<Azure.Data.Tables.TableEntity>(
            PendingSignInEntity.PartitionOf(1, 2), TableKeys.Escape(deviceKey));

        Assert.Equal(brand, row.Brand);
        Assert.Equal(brand, row.ToInput(TimeSpan.FromSeconds(15)).Brand);
        Assert.Equal(brand.Length > 0, stored.Value.ContainsKey("Brand"));
    }

    [Fact]
    public async Task PutAsync_NewerSignInOfTheDevice_ReplacesTheRow()
    {
        var deviceKey = TestData.NewDeviceKey();
        await Pending.PutAsync(Row(deviceKey, "OLD1234"), default);

        await Pending.PutAsync(Row(deviceKey, "NEW1234"), default);

        Assert.Equal("NEW1234", Assert.Single(await Pending.ListDueAsync(1, 2, 10, default).ToListAsync()).Code);
    }

    [Fact]
    public async Task RemoveAsync_RowReplacedSinceItWasRead_KeepsTheNewerRow()
    {
        var deviceKey = TestData.NewDeviceKey();
        await Pending.PutAsync(Row(deviceKey, "OLD1234"), default);
        var read = Assert.Single(await Pending.ListDueAsync(1, 2, 10, default).ToListAsync());
        await Pending.PutAsync(Row(deviceKey, "NEW1234"), default);

        var removed = await Pending.RemoveAsync(read, default);

        Assert.False(removed);
        Assert.Equal("NEW1234", Assert.Single(await Pending.ListDueAsync(1, 2, 10, default).ToListAsync()).Code);
    }

    [Fact]
    public async Task RemoveAsync_RowAsRead_RemovesIt_AndAgainIsFalse()
    {
        await Pending.PutAsync(Row(TestData.NewDeviceKey()), default);
        var read = Assert.Single(await Pending.ListDueAsync(1, 2, 10, default).ToListAsync());

        Assert.True(await Pending.RemoveAsync(read, default));
        Assert.False(await Pending.RemoveAsync(read, default));
        Assert.Empty(await Pending.ListDueAsync(1, 2, 10, default).ToListAsync());
    }

    [Fact]
    public async Task AnyAsync_SeesEveryRowOfTheShardAndNoOtherShards()
    {
        Assert.False(await Pending.AnyAsync(1, default));
        await Pending.PutAsync(Row(TestData.NewDeviceKey(), shard: 1, slot: 299), default);
        await Pending.PutAsync(Row(TestData.NewDeviceKey(), shard: 12, slot: 0), default);

        Assert.True(await Pending.AnyAsync(1, default));
        Assert.True(await Pending.AnyAsync(12, default));
        Assert.False(await Pending.AnyAsync(0, default));
        Assert.False(await Pending.AnyAsync(2, default));
    }
}
