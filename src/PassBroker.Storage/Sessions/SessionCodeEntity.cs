using Azure;
using Azure.Data.Tables;
using PassBroker.Core.Brands;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Sessions;

/// <summary>
/// A row of the <c>sessioncodes</c> table: PartitionKey = escaped code, RowKey = <see cref="RowFor"/> the brand,
/// pointing at the device whose session holds the code. The second-screen page has a code and no device; this row finds
/// the session in one read instead of a scan of every device's partition. Codes come from Adobe per service provider, so
/// two brands may hold the same code: each has its own row in the code's partition, and one query of the partition finds
/// the code under every brand.
/// </summary>
internal sealed class SessionCodeEntity : ITableEntity
{
    /// <summary>
    /// Not empty: Azure Cosmos DB for Table (the multi-region store, docs/deployment.md) refuses an empty RowKey, which
    /// Azure Table Storage allows.
    /// </summary>
    public const string Row = "code";

    /// <summary>The RowKey of code rows written before <see cref="Row"/>; read as a fallback, purged by retention.</summary>
    public const string LegacyRow = "";

    /// <summary>The brand's row: <see cref="Row"/> for the default brand (as before brands), <c>{brand}~code</c> for another.</summary>
    public static string RowFor(string brand) => BrandKeys.Scope(brand, Row);

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string DeviceKey { get; set; } = "";

    /// <summary>When the code expires (the session's), so the purge finds a code row left without its session.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public static SessionCodeEntity For(string code, string brand, string deviceKey, DateTimeOffset expiresAt) => new()
    {
        PartitionKey = TableKeys.Escape(code),
        RowKey = RowFor(brand),
        DeviceKey = deviceKey,
        ExpiresAt = expiresAt,
    };
}
