using Azure;
using Azure.Data.Tables;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Storage.Devices;
using PassBroker.Storage.Encryption;
using PassBroker.Storage.Tables;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.Devices;

[Collection(AzuriteCollection.Name)]
public sealed class TableDeviceStoreTests(AzuriteFixture azurite) : AzuriteStoreTests(azurite)
{
    [Fact]
    public async Task FindAsync_AfterAdd_ReturnsEveryField()
    {
        var device = TestData.Device();

        var added = await Storage.Devices.AddAsync(device, default);
        var found = await Storage.Devices.FindAsync(device.DeviceKey, default);

        Assert.False(string.IsNullOrEmpty(added.ETag));
        Assert.Equal(device with { ETag = added.ETag }, added);
        Assert.Equal(added, found);
    }

    [Fact]
    public async Task FindAsync_DeviceOfABrand_KeepsItsBrand()
    {
        var device = TestData.Device() with { Brand = "ref31" };

        var added = await Storage.Devices.AddAsync(device, default);

        Assert.Equal("ref31", (await Storage.Devices.FindAsync(device.DeviceKey, default))!.Brand);
        Assert.Equal(added, await Storage.Devices.FindAsync(device.DeviceKey, default));
    }

    [Fact]
    public async Task FindAsync_DeviceWithoutAccessToken_ReturnsNullToken()
    {
        var device = TestData.Device() with { AccessToken = null, Info = new DeviceInfo() };

        var added = await Storage.Devices.AddAsync(device, default);

        Assert.Equal(added, await Storage.Devices.FindAsync(device.DeviceKey, default));
    }

    [Fact]
    public async Task FindAsync_UnknownDevice_ReturnsNull()
    {
        await Storage.Devices.AddAsync(TestData.Device(), default);

        Assert.Null(await Storage.Devices.FindAsync(TestData.NewDeviceKey(), default));
    }

    [Theory]
    [InlineData("not/a#hex?key\\")]
    [InlineData("%2F")]
    [InlineData("日本語 😀")]
    public async Task FindAsync_AwkwardDeviceKey_RoundTrips(string deviceKey)
    {
        var added = await Storage.Devices.AddAsync(TestData.Device(deviceKey), default);

        Assert.Equal(added, await Storage.Devices.FindAsync(deviceKey, default));
    }

    [Fact]
    public async Task AddAsync_ExistingKey_ThrowsConflictAndKeepsTheFirst()
    {
        var first = await Storage.Devices.AddAsync(TestData.Device(), default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Storage.Devices.AddAsync(TestData.Device(first.DeviceKey), default));

        Assert.Equal(first, await Storage.Devices.FindAsync(first.DeviceKey, default));
    }

    [Fact]
    public async Task UpdateAsync_CurrentETag_ReplacesAndReturnsTheNewETag()
    {
        var added = await Storage.Devices.AddAsync(TestData.Device(), default);
        var changed = added with { AccessToken = new AccessToken("refreshed", TestData.Instant.AddHours(1)), Info = new DeviceInfo { Model = "new" } };

        var updated = await Storage.Devices.UpdateAsync(changed, default);

        Assert.NotEqual(added.ETag, updated.ETag);
        Assert.Equal(changed with { ETag = updated.ETag }, updated);
        Assert.Equal(updated, await Storage.Devices.FindAsync(added.DeviceKey, default));
    }

    [Fact]
    public async Task UpdateAsync_StaleCopy_ThrowsConflictAndChangesNothing()
    {
        var stale = await Storage.Devices.AddAsync(TestData.Device(), default);
        var current = await Storage.Devices.UpdateAsync(stale with { DeviceTokenHash = "newer" }, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Storage.Devices.UpdateAsync(stale with { DeviceTokenHash = "stale" }, default));

        Assert.Equal(current, await Storage.Devices.FindAsync(stale.DeviceKey, default));
    }

    [Fact]
    public async Task UpdateAsync_TwoConcurrentUpdatesOfOneCopy_ExactlyOneWinsIntact()
    {
        var read = await Storage.Devices.AddAsync(TestData.Device(), default);
        var candidates = new[] { 1, 2 }.Select(n => read with
        {
            Credentials = read.Credentials with { ClientSecret = $"secret-{n}" },
            AccessToken = new AccessToken($"token-{n}", TestData.Instant.AddHours(n)),
            DeviceTokenHash = $"hash-{n}",
        }).ToArray();

        var outcomes = await Task.WhenAll(candidates.Select(async c =>
        {
            try
            {
                return (Stored: (DeviceRecord?)await Storage.Devices.UpdateAsync(c, default), Error: (Exception?)null);
            }
            catch (ConcurrencyConflictException e)
            {
                return (Stored: (DeviceRecord?)null, Error: (Exception?)e);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Stored is not null).Stored!;
        Assert.Single(outcomes, o => o.Error is ConcurrencyConflictException);
        Assert.Contains(winner with { ETag = read.ETag }, candidates);
        Assert.Equal(winner, await Storage.Devices.FindAsync(read.DeviceKey, default));
    }

    [Fact]
    public async Task UpdateAsync_NeverAdded_ThrowsConflict()
    {
        var device = TestData.Device() with { ETag = "W/\"datetime'2031-01-01T00%3A00%3A00.0000000Z'\"" };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Devices.UpdateAsync(device, default));
    }

    [Fact]
    public async Task UpdateAsync_WithoutETag_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.Devices.UpdateAsync(TestData.Device(), default));
    }

    [Fact]
    public async Task AddAsync_Secrets_AreNotStoredInClear()
    {
        var device = await Storage.Devices.AddAsync(TestData.Device(), default);

        var raw = (await Storage.RawTable(StorageTables.Devices).GetEntityAsync<TableEntity>(device.DeviceKey, Row)).Value;

        var stored = string.Join("\n", raw.Select(pair => pair.Value?.ToString()));
        Assert.DoesNotContain(device.Credentials.ClientSecret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(device.AccessToken!.Value, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(device.DeviceId, stored, StringComparison.Ordinal);
        Assert.StartsWith("v1:k1:", raw.GetString("ClientSecret"), StringComparison.Ordinal);
        Assert.StartsWith("v1:k1:", raw.GetString("AccessToken"), StringComparison.Ordinal);
        Assert.StartsWith("v1:k1:", raw.GetString("SealedDeviceId"), StringComparison.Ordinal);
        Assert.False(raw.ContainsKey("DeviceId"));
        // Not secret, and needed in clear to call Adobe.
        Assert.Equal(device.Credentials.ClientId, raw.GetString("ClientId"));
    }

    [Fact]
    public async Task FindAsync_LegacyRowWithClearDeviceId_IsRead_AndItsNextWriteSealsTheIdAndDropsTheClearColumn()
    {
        var device = await AddLegacyRowAsync(Storage, TestData.Device());
        var table = Storage.RawTable(StorageTables.Devices);

        var found = await Storage.Devices.FindAsync(device.DeviceKey, default);
        Assert.Equal(device.DeviceId, found!.DeviceId);
        await Storage.Devices.UpdateAsync(found with { DeviceTokenHash = "rotated" }, default);

        var raw = (await table.GetEntityAsync<TableEntity>(device.DeviceKey, Row)).Value;
        Assert.False(raw.ContainsKey("DeviceId"));
        Assert.DoesNotContain(device.DeviceId, string.Join("\n", raw.Select(pair => pair.Value?.ToString())), StringComparison.Ordinal);
        Assert.Equal(device.DeviceId, (await Storage.Devices.FindAsync(device.DeviceKey, default))!.DeviceId);
    }

    [Fact]
    public async Task FindAsync_SealedDeviceIdCopiedFromAnotherDevice_ThrowsSealedValueException()
    {
        var victim = await Storage.Devices.AddAsync(TestData.Device(), default);
        var attacker = await Storage.Devices.AddAsync(TestData.Device(), default);
        var table = Storage.RawTable(StorageTables.Devices);
        var victimRow = (await table.GetEntityAsync<TableEntity>(victim.DeviceKey, Row)).Value;
        var attackerRow = (await table.GetEntityAsync<TableEntity>(attacker.DeviceKey, Row)).Value;
        attackerRow["SealedDeviceId"] = victimRow["SealedDeviceId"];
        await table.UpdateEntityAsync(attackerRow, ETag.All, TableUpdateMode.Replace);

        await Assert.ThrowsAsync<SealedValueException>(() => Storage.Devices.FindAsync(attacker.DeviceKey, default));
    }

    /// <summary>Stores the device as rows were written before device ids were sealed: the id in clear in <c>DeviceId</c>.</summary>
    internal static async Task<DeviceRecord> AddLegacyRowAsync(StorageTestHost storage, DeviceRecord device)
    {
        var added = await storage.Devices.AddAsync(device, default);
        var table = storage.RawTable(StorageTables.Devices);
        var raw = (await table.GetEntityAsync<TableEntity>(TableKeys.Escape(device.DeviceKey), Row)).Value;
        raw.Remove("SealedDeviceId");
        raw["DeviceId"] = device.DeviceId;
        await table.UpdateEntityAsync(raw, ETag.All, TableUpdateMode.Replace);
        return added;
    }

    [Theory]
    [InlineData("ClientSecret", "AccessToken")]
    [InlineData("AccessToken", "ClientSecret")]
    public async Task FindAsync_SealedValueMovedToAnotherColumn_ThrowsSealedValueException(string from, string to)
    {
        var device = await Storage.Devices.AddAsync(TestData.Device(), default);
        var table = Storage.RawTable(StorageTables.Devices);
        var raw = (await table.GetEntityAsync<TableEntity>(device.DeviceKey, Row)).Value;
        raw[to] = raw[from];
        await table.UpdateEntityAsync(raw, ETag.All, TableUpdateMode.Replace);

        await Assert.ThrowsAsync<SealedValueException>(() => Storage.Devices.FindAsync(device.DeviceKey, default));
    }

    [Fact]
    public async Task FindAsync_SealedValueCopiedFromAnotherDevice_ThrowsSealedValueException()
    {
        var victim = await Storage.Devices.AddAsync(TestData.Device(), default);
        var attacker = await Storage.Devices.AddAsync(TestData.Device(), default);
        var table = Storage.RawTable(StorageTables.Devices);
        var victimRow = (await table.GetEntityAsync<TableEntity>(victim.DeviceKey, Row)).Value;
        var attackerRow = (await table.GetEntityAsync<TableEntity>(attacker.DeviceKey, Row)).Value;
        attackerRow["ClientSecret"] = victimRow["ClientSecret"];
        await table.UpdateEntityAsync(attackerRow, ETag.All, TableUpdateMode.Replace);

        await Assert.ThrowsAsync<SealedValueException>(() => Storage.Devices.FindAsync(attacker.DeviceKey, default));
    }

    [Fact]
    public async Task FindAsync_TamperedCiphertext_ThrowsSealedValueException()
    {
        var device = await Storage.Devices.AddAsync(TestData.Device(), default);
        var table = Storage.RawTable(StorageTables.Devices);
        var raw = (await table.GetEntityAsync<TableEntity>(device.DeviceKey, Row)).Value;
        var parts = raw.GetString("ClientSecret").Split(':');
        var bytes = Convert.FromBase64String(parts[2]);
        bytes[^1] ^= 0x80;
        raw["ClientSecret"] = $"{parts[0]}:{parts[1]}:{Convert.ToBase64String(bytes)}";
        await table.UpdateEntityAsync(raw, ETag.All, TableUpdateMode.Replace);

        await Assert.ThrowsAsync<SealedValueException>(() => Storage.Devices.FindAsync(device.DeviceKey, default));
    }

    [Fact]
    public async Task FindAsync_AfterKeyRotation_OpensOldRecordsAndSealsUpdatesWithTheNewKey()
    {
        var device = await Storage.Devices.AddAsync(TestData.Device(), default);
        await using var rotated = await Storage.WithKeysAsync(Storage.Keys.RotateTo("k2"));

        var found = await rotated.Devices.FindAsync(device.DeviceKey, default);
        await rotated.Devices.UpdateAsync(found!, default);

        Assert.Equal(device, found);
        var raw = (await rotated.RawTable(StorageTables.Devices).GetEntityAsync<TableEntity>(device.DeviceKey, Row)).Value;
        Assert.StartsWith("v1:k2:", raw.GetString("ClientSecret"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_KeyVersionNoLongerKnown_ThrowsSealedValueException()
    {
        var device = await Storage.Devices.AddAsync(TestData.Device(), default);
        await using var retired = await Storage.WithKeysAsync(Storage.Keys.RotateTo("k2").Without("k1"));

        var error = await Assert.ThrowsAsync<SealedValueException>(() => retired.Devices.FindAsync(device.DeviceKey, default));

        Assert.Contains("'k1' is unknown", error.Message, StringComparison.Ordinal);
    }

    private const string Row = DeviceEntity.Row;
}
