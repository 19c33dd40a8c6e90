using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace PassBroker.Benchmarks.Durable;

/// <summary>
/// The pending sign-ins of the sharded shape: one row per device (a newer sign-in overwrites the older, which is how
/// "a newer sign-in replaces the older" stays a single write), partitioned by shard and slot so a shard's round reads
/// exactly the rows due in that tick, a page of up to 1,000 per request. Shard and slot come from a hash of the device
/// key, so a device always lands in the same row.
/// </summary>
internal sealed class PendingSignInTable(TableClient table, int shards, ShardClock clock)
{
    public const string TableName = "pendingsignins";

    public int Shards => shards;

    public ShardClock Clock => clock;

    public static (int Shard, int Slot) Place(string deviceKey, int shards, int slots)
    {
        var hash = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(deviceKey)));
        return ((int)(hash % (uint)shards), (int)(hash / (uint)shards % (uint)slots));
    }

    public static string PartitionOf(int shard, int slot) => string.Create(CultureInfo.InvariantCulture, $"{shard:D3}-{slot:D3}");

    /// <summary>Records a new sign-in (one upsert): its first due tick follows from its start and its slot.</summary>
    public async Task AddAsync(string deviceKey, string code, DateTimeOffset startedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var (shard, slot) = Place(deviceKey, shards, clock.Slots);
        var row = new PendingSignInRow
        {
            PartitionKey = PartitionOf(shard, slot),
            RowKey = deviceKey,
            Code = code,
            FirstDueTick = clock.FirstDueTick(startedAt, slot),
            ExpiresAt = expiresAt,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The rows of <paramref name="shard"/> due at <paramref name="tick"/>: its slot's partition, less the
    /// sign-ins started too recently for their first poll.</summary>
    public AsyncPageable<PendingSignInRow> DueAsync(int shard, long tick, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(shard, (int)(tick % clock.Slots));
        return table.QueryAsync<PendingSignInRow>(row => row.PartitionKey == partition && row.FirstDueTick <= tick, maxPerPage: 1000, cancellationToken: cancellationToken);
    }

    /// <summary>Removes an ended sign-in, unless a newer sign-in of the device overwrote the row since it was read.</summary>
    public async Task<bool> RemoveAsync(PendingSignInRow row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }
}

internal sealed class PendingSignInRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public string Code { get; set; } = "";

    public long FirstDueTick { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
