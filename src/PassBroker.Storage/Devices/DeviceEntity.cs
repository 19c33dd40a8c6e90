using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PassBroker.Core.Brands;
using PassBroker.Core.Devices;
using PassBroker.Storage.Encryption;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Devices;

/// <summary>
/// A row of the <c>devices</c> table: PartitionKey = escaped device key, RowKey = <see cref="Row"/>.
/// <see cref="SealedDeviceId"/>, <see cref="ClientSecret"/> and <see cref="AccessToken"/> are sealed
/// (<see cref="SecretSealer"/>); the rest is clear.
/// </summary>
internal sealed class DeviceEntity : ITableEntity, ISealedClientRow
{
    public const string Row = "device";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>
    /// The device id, sealed: whoever reads the table (or a backup of it) must not learn ids to register with. A column
    /// of its own rather than a sealed value in <see cref="DeviceId"/>, because an app may send any text as its id,
    /// including text shaped like a sealed value.
    /// </summary>
    public string? SealedDeviceId { get; set; }

    /// <summary>
    /// The device id in clear, as rows written before ids were sealed hold it; read when <see cref="SealedDeviceId"/>
    /// is absent. Never written (null is not stored), so the next write of the row, or the re-seal command, drops it.
    /// </summary>
    public string? DeviceId { get; set; }

    /// <summary>
    /// The device's brand (<see cref="DeviceRecord.Brand"/>); absent for the default brand, so the default brand's rows
    /// are as they were before brands existed and every older row reads as the default brand's.
    /// </summary>
    public string? Brand { get; set; }

    /// <summary><see cref="DeviceInfo"/> as JSON, in Adobe's X-Device-Info shape.</summary>
    public string Info { get; set; } = "{}";

    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public string? AccessToken { get; set; }
    public DateTimeOffset? AccessTokenExpiresAt { get; set; }
    public string DeviceTokenHash { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>The promotional Temp Pass identity: an e-mail hash, not a secret (Adobe receives it as is).</summary>
    public string? TempPassIdentity { get; set; }

    /// <summary>
    /// The first completed sign-in (<see cref="DeviceRecord.SignedInAt"/>), or <see cref="NeverSignedIn"/>: the table
    /// cannot filter on a missing column, and the purge finds unused devices with a filter on this one. Rows written
    /// before the column existed lack it; whether their device signed in is unknown, so they read as signed in at
    /// registration and are kept.
    /// </summary>
    public DateTimeOffset? SignedInAt { get; set; }

    /// <summary>The <see cref="SignedInAt"/> of a device with no completed sign-in (the table's earliest date).</summary>
    public static readonly DateTimeOffset NeverSignedIn = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<DeviceEntity> FromAsync(DeviceRecord device, SecretSealer sealer, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Escape(device.DeviceKey);
        var entity = new DeviceEntity
        {
            PartitionKey = partition,
            ETag = device.ETag is null ? default : new ETag(device.ETag),
            Brand = BrandKeys.IsDefault(device.Brand) ? null : device.Brand,
            Info = JsonSerializer.Serialize(device.Info, StorageJsonContext.Default.DeviceInfo),
            DeviceTokenHash = device.DeviceTokenHash,
            RegisteredAt = device.RegisteredAt,
            TempPassIdentity = device.TempPassIdentity,
            SignedInAt = device.SignedInAt ?? NeverSignedIn,
        };
        entity.SealedDeviceId = await sealer.SealAsync(device.DeviceId, Context(partition, nameof(SealedDeviceId)), cancellationToken);
        await entity.SealClientAsync(device.Credentials, device.AccessToken, sealer, column => Context(partition, column), cancellationToken);
        return entity;
    }

    public async Task<DeviceRecord> ToRecordAsync(SecretSealer sealer, CancellationToken cancellationToken)
    {
        var (credentials, token) = await this.OpenClientAsync(sealer, column => Context(PartitionKey, column), cancellationToken);
        return new()
        {
            DeviceKey = TableKeys.Unescape(PartitionKey),
            Brand = Brand ?? BrandKeys.Default,
            DeviceId = SealedDeviceId is null
                ? DeviceId ?? ""
                : await sealer.OpenAsync(SealedDeviceId, Context(PartitionKey, nameof(SealedDeviceId)), cancellationToken),
            Info = JsonSerializer.Deserialize(Info, StorageJsonContext.Default.DeviceInfo) ?? new DeviceInfo(),
            Credentials = credentials,
            AccessToken = token,
            DeviceTokenHash = DeviceTokenHash,
            RegisteredAt = RegisteredAt,
            TempPassIdentity = TempPassIdentity,
            SignedInAt = SignedInAt == NeverSignedIn ? null : SignedInAt ?? RegisteredAt,
            ETag = ETag.ToString(),
        };
    }

    /// <summary>Where a sealed property of the row with this partition lives (its associated data).</summary>
    /// <param name="partition">The escaped device key.</param>
    /// <param name="property">The property's name.</param>
    public static SealingContext Context(string partition, string property) =>
        new(StorageTables.Devices, partition, Row, property);
}
