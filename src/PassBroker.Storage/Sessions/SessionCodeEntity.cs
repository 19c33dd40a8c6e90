using Azure;
using Azure.Data.Tables;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Sessions;

/// <summary>
/// A row of the <c>sessioncodes</c> table: PartitionKey = escaped code, RowKey = <see cref="Row"/>, pointing at the
/// device whose session holds the code. The second-screen page has a code and no device; this row finds the session in
/// one point read instead of a scan of every device's partition.
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

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string DeviceKey { get; set; } = "";

    /// <summary>When the code expires (the session's), so the purge finds a code row left without its session.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public static SessionCodeEntity For(string code, string deviceKey, DateTimeOffset expiresAt) => new()
    {
        PartitionKey = TableKeys.Escape(code),
        RowKey = Row,
        DeviceKey = deviceKey,
        ExpiresAt = expiresAt,
    };
}
