using PassBroker.Core.Decisions;
using PassBroker.Core.Upstream;
using PassBroker.Storage.Tables;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.Decisions;

[Collection(AzuriteCollection.Name)]
public sealed class TableDecisionCacheTests(AzuriteFixture azurite) : AzuriteStoreTests(azurite)
{
    private const string Mvpd = "ExampleCable";

    private IDecisionCache Cache => Storage.Decisions;

    private static Decision Permit(string resource, string mvpd = Mvpd, TimeSpan? validFor = null) => new()
    {
        Resource = resource,
        Mvpd = mvpd,
        Authorized = true,
        NotBefore = DateTimeOffset.UtcNow.AddMinutes(-1),
        NotAfter = DateTimeOffset.UtcNow + (validFor ?? TimeSpan.FromHours(1)),
    };

    [Fact]
    public async Task FindPermitsAsync_AfterSet_ReturnsTheWantedPermitsWithEveryField()
    {
        var deviceKey = TestData.NewDeviceKey();
        var permit = Permit("show-1") with { Source = "degradation", Token = new MediaToken("must-not-be-kept", null, null) };
        await Cache.SetPermitsAsync(deviceKey, [permit, Permit("show-2")], default);

        var found = await Cache.FindPermitsAsync(deviceKey, Mvpd, ["show-1", "show-3"], default);

        var hit = Assert.Single(found);
        Assert.Equal("show-1", hit.Key);
        Assert.Equal(permit with { Token = null }, hit.Value);
    }

    [Fact]
    public async Task SetPermitsAsync_DeniesAndPermitsWithoutNotAfter_AreNotKept()
    {
        var deviceKey = TestData.NewDeviceKey();
        var deny = Permit("deny-1") with { Authorized = false, Error = new UpstreamError { Code = "authorization_denied_by_mvpd" } };

        await Cache.SetPermitsAsync(deviceKey, [deny, Permit("open-1") with { NotAfter = null }], default);

        Assert.Empty(await Cache.FindPermitsAsync(deviceKey, Mvpd, ["deny-1", "open-1"], default));
    }

    [Fact]
    public async Task FindPermitsAsync_PastNotAfter_IsMissing()
    {
        var deviceKey = TestData.NewDeviceKey();
        await Cache.SetPermitsAsync(deviceKey, [Permit("old-1", validFor: TimeSpan.FromSeconds(-1)), Permit("new-1")], default);

        var found = await Cache.FindPermitsAsync(deviceKey, Mvpd, ["old-1", "new-1"], default);

        Assert.Equal(["new-1"], found.Keys);
    }

    [Fact]
    public async Task FindPermitsAsync_OtherMvpdOrDevice_IsMissing()
    {
        var (deviceKey, other) = (TestData.NewDeviceKey(), TestData.NewDeviceKey());
        // "ExampleCable2" starts with "ExampleCable": a plain prefix match would take its rows too.
        await Cache.SetPermitsAsync(deviceKey, [Permit("show-1", "ExampleCable2"), Permit("show-1", "ExampleSat")], default);
        await Cache.SetPermitsAsync(other, [Permit("show-1")], default);

        Assert.Empty(await Cache.FindPermitsAsync(deviceKey, Mvpd, ["show-1"], default));
        Assert.Single(await Cache.FindPermitsAsync(deviceKey, "ExampleSat", ["show-1"], default));
    }

    [Fact]
    public async Task SetPermitsAsync_ManyAndLongResources_RoundTripInBatches()
    {
        var deviceKey = TestData.NewDeviceKey();
        // More than one transaction's worth, with MRSS-like resources: long, multi-line, quoted, non-ASCII.
        var resources = Enumerable.Range(1, 230)
            .Select(i => $"<rss version=\"2.0\">\n<channel><title>Chaîne {i}</title>{new string('x', 4000)}</channel></rss>")
            .ToList();

        await Cache.SetPermitsAsync(deviceKey, [.. resources.Select(r => Permit(r))], default);
        var found = await Cache.FindPermitsAsync(deviceKey, Mvpd, resources, default);

        Assert.Equal(resources.Order(), found.Keys.Order());
    }

    [Fact]
    public async Task SetPermitsAsync_ResourceTooBigForARow_IsSkippedAndOthersKept()
    {
        var deviceKey = TestData.NewDeviceKey();
        var huge = new string('"', 16_384);

        await Cache.SetPermitsAsync(deviceKey, [Permit(huge), Permit("show-1")], default);

        Assert.Equal(["show-1"], (await Cache.FindPermitsAsync(deviceKey, Mvpd, [huge, "show-1"], default)).Keys);
    }

    [Fact]
    public async Task SetPermitsAsync_SameResourceTwice_KeepsOne()
    {
        var deviceKey = TestData.NewDeviceKey();

        await Cache.SetPermitsAsync(deviceKey, [Permit("show-1"), Permit("show-1")], default);

        Assert.Single(await Cache.FindPermitsAsync(deviceKey, Mvpd, ["show-1"], default));
    }

    [Fact]
    public async Task RemoveAllAsync_RemovesEveryRowOfThatDeviceOnly()
    {
        var (deviceKey, other) = (TestData.NewDeviceKey(), TestData.NewDeviceKey());
        var resources = Enumerable.Range(1, 150).Select(i => "show-" + i).ToList();
        await Cache.SetPermitsAsync(deviceKey, [.. resources.Select(r => Permit(r)), Permit("show-1", "ExampleSat")], default);
        await Cache.SetPermitsAsync(other, [Permit("show-1")], default);

        await Cache.RemoveAllAsync(deviceKey, default);

        var rows = Storage.RawTable(StorageTables.Decisions).QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{deviceKey}'");
        Assert.Empty(await rows.ToListAsync());
        Assert.Single(await Cache.FindPermitsAsync(other, Mvpd, ["show-1"], default));
    }

    [Fact]
    public async Task RemoveAllAsync_ManyAtOnceForOneDevice_AllSucceedAndNothingIsLeft()
    {
        // Two logouts of one device at once: each transaction may meet rows the other already deleted (the fuzz test
        // once turned that into a 500).
        var deviceKey = TestData.NewDeviceKey();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Cache.SetPermitsAsync(deviceKey, [.. Enumerable.Range(1, 120).Select(i => Permit("show-" + i))], default);

            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Cache.RemoveAllAsync(deviceKey, default))));

            var rows = Storage.RawTable(StorageTables.Decisions).QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{deviceKey}'");
            Assert.Empty(await rows.ToListAsync());
        }
    }

    [Fact]
    public async Task RemoveAllAsync_NothingCached_Succeeds()
    {
        await Cache.RemoveAllAsync(TestData.NewDeviceKey(), default);

        Assert.Empty(await Cache.FindPermitsAsync(TestData.NewDeviceKey(), Mvpd, ["show-1"], default));
    }
}
