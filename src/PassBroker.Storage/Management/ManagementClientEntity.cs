using Azure;
using Azure.Data.Tables;
using PassBroker.Core.Brands;
using PassBroker.Core.Management;
using PassBroker.Storage.Devices;
using PassBroker.Storage.Encryption;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Management;

/// <summary>
/// A brand's management client row, in the <c>devices</c> table next to the clients it resembles: PartitionKey
/// <see cref="PartitionOf"/> (<see cref="Partition"/> for the default brand, as before brands existed;
/// <c>{brand}~passbroker</c> for another), RowKey <see cref="Row"/>. A device row's RowKey is always <see cref="DeviceEntity.Row"/>, so
/// the two never meet whatever the partition (and device keys are 32 hex digits besides). Its client columns are a
/// device row's (<see cref="ISealedClientRow"/>), so <see cref="DataKeyResealer"/>'s pass over the table moves this row
/// to a new key as well.
/// </summary>
internal sealed class ManagementClientEntity : ITableEntity, ISealedClientRow
{
    public const string Partition = "passbroker";
    public const string Row = "management-client";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ClientId { get; set; } = "";

    // Sealed like a device's, under the current data key; each sealed value names its key version ("v1:{version}:..."),
    // which is what opening and re-sealing go by, so the version is not repeated in a column of its own.
    public string ClientSecret { get; set; } = "";
    public string? AccessToken { get; set; }
    public DateTimeOffset? AccessTokenExpiresAt { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>The brand's row's partition: <see cref="BrandKeys.Scope"/> keeps the default brand's row where it was.</summary>
    /// <param name="brand">The brand's key.</param>
    public static string PartitionOf(string brand) => BrandKeys.Scope(brand, Partition);

    public static async Task<ManagementClientEntity> FromAsync(ManagementClientRecord client, SecretSealer sealer, CancellationToken cancellationToken)
    {
        var entity = new ManagementClientEntity
        {
            PartitionKey = PartitionOf(client.Brand), ETag = client.ETag is null ? default : new ETag(client.ETag), RegisteredAt = client.RegisteredAt,
        };
        await entity.SealClientAsync(client.Credentials, client.AccessToken, sealer, entity.Context, cancellationToken);
        return entity;
    }

    public async Task<ManagementClientRecord> ToRecordAsync(string brand, SecretSealer sealer, CancellationToken cancellationToken)
    {
        var (credentials, token) = await this.OpenClientAsync(sealer, Context, cancellationToken);
        return new() { Credentials = credentials, Brand = brand, AccessToken = token, RegisteredAt = RegisteredAt, ETag = ETag.ToString() };
    }

    /// <summary>Where a sealed property of this row lives (its associated data): its own keys, so one brand's sealed
    /// value copied into another brand's row does not open.</summary>
    /// <param name="property">The property's name.</param>
    public SealingContext Context(string property) => new(StorageTables.Devices, PartitionKey, Row, property);
}
