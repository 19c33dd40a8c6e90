using Azure;
using Azure.Data.Tables;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Plays;

/// <summary>
/// A row of the <c>plays</c> table, one play lease: PartitionKey = escaped device key, RowKey = the resource's
/// <see cref="ResourceHash"/> (resources may be far longer than a key).
/// </summary>
internal sealed class PlayEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Resource { get; set; } = "";

    public DateTimeOffset LeaseEnds { get; set; }

    public static PlayEntity From(string deviceKey, string resource, DateTimeOffset leaseEnds) => new()
    {
        PartitionKey = TableKeys.Escape(deviceKey),
        RowKey = ResourceHash.Of(resource),
        Resource = resource,
        LeaseEnds = leaseEnds,
    };
}
