using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PassBroker.Core.Brands;
using PassBroker.Core.Devices;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.SignIns;

/// <summary>
/// A row of the <c>pendingsignins</c> table (sharded polling shape): PartitionKey = <c>{shard:D3}-{slot:D3}</c>, so a
/// shard's round reads one partition; RowKey = escaped device key, so a newer sign-in of the device replaces the row.
/// Both non-empty and far under 255 bytes (Cosmos DB for Table). No code is secret here beyond what the sessions
/// table already keeps.
/// </summary>
internal sealed class PendingSignInEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Code { get; set; } = "";
    public string? Mvpd { get; set; }
    public string ClientIp { get; set; } = "";
    public int? ClientPort { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Shard { get; set; }
    public int Slot { get; set; }
    public long FirstDueTick { get; set; }

    /// <summary>The device's brand key; absent for the default brand (as on device rows), and on rows written before brands.</summary>
    public string? Brand { get; set; }

    public static string PartitionOf(int shard, int slot) => string.Create(CultureInfo.InvariantCulture, $"{shard:D3}-{slot:D3}");

    /// <summary>The first key of the shard's partitions and the first key after them, for a range query.</summary>
    public static (string From, string To) PartitionsOf(int shard) =>
        (string.Create(CultureInfo.InvariantCulture, $"{shard:D3}-"), string.Create(CultureInfo.InvariantCulture, $"{shard:D3}."));

    public static PendingSignInEntity From(PendingSignIn row) => new()
    {
        PartitionKey = PartitionOf(row.Shard, row.Slot),
        RowKey = TableKeys.Escape(row.DeviceKey),
        Code = row.Code,
        Mvpd = row.Mvpd,
        ClientIp = row.Client.IpAddress,
        ClientPort = row.Client.Port,
        ExpiresAt = row.ExpiresAt,
        Shard = row.Shard,
        Slot = row.Slot,
        FirstDueTick = row.FirstDueTick,
        Brand = BrandKeys.IsDefault(row.Brand) ? null : row.Brand,
    };

    public PendingSignIn ToPendingSignIn() =>
        new(TableKeys.Unescape(RowKey), Code, Mvpd, new ClientEndpoint(ClientIp, ClientPort), ExpiresAt, Shard, Slot, FirstDueTick)
        {
            ETag = ETag.ToString(),
            Brand = Brand ?? BrandKeys.Default,
        };
}
