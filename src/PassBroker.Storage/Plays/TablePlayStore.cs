using Azure;
using Azure.Data.Tables;
using PassBroker.Core.Decisions.Rules;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Plays;

/// <summary>
/// Play leases in the device's partition of the <c>plays</c> table: a renewal is a last-writer-wins upsert (two
/// permits for one title agree on what to write), a listing is one partition query on the lease end, and taking a
/// write back is conditional on the ETag that write returned.
/// </summary>
internal sealed class TablePlayStore(StorageTables tables) : IPlayStore
{
    public async Task<IReadOnlyList<ActivePlay>> ListActiveAsync(string deviceKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(deviceKey)} and LeaseEnds gt {now}");
        var plays = new List<ActivePlay>();
        await foreach (var row in tables.QueryAsync<PlayEntity>(StorageTables.Plays, filter, cancellationToken))
        {
            plays.Add(new ActivePlay(row.Resource, row.LeaseEnds));
        }
        return plays;
    }

    public async Task<string?> RecordAsync(string deviceKey, string resource, DateTimeOffset leaseEnds, CancellationToken cancellationToken)
    {
        var row = PlayEntity.From(deviceKey, resource, leaseEnds);
        var response = await tables.ExecuteAsync(StorageTables.Plays,
            (table, ct) => table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct), cancellationToken);
        return response.Headers.ETag?.ToString();
    }

    public async Task<bool> RestoreAsync(string deviceKey, string resource, ActivePlay? previous, string? version, CancellationToken cancellationToken)
    {
        var ifMatch = version is null ? ETag.All : new ETag(version);
        try
        {
            if (previous is null)
            {
                var row = PlayEntity.From(deviceKey, resource, default);
                // A row already gone answers 404, which the SDK returns rather than throws.
                var deleted = await tables.ExecuteAsync(StorageTables.Plays,
                    (table, ct) => table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ifMatch, ct), cancellationToken);
                return deleted.Status != 404;
            }
            var restored = PlayEntity.From(deviceKey, resource, previous.LeaseEnds);
            await tables.ExecuteAsync(StorageTables.Plays,
                (table, ct) => table.UpdateEntityAsync(restored, ifMatch, TableUpdateMode.Replace, ct), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (TableErrors.IsStaleUpdate(e))
        {
            // Another permit of the same title wrote the lease after us (or it is gone): theirs stands.
            return false;
        }
    }

    public async Task RemoveAllAsync(string deviceKey, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(deviceKey)}");
        // Keys only; a device holds a handful of leases (Rules:ConcurrentPlays:MaxConcurrentPlays), so one delete each.
        await foreach (var row in tables.QueryAsync<TableEntity>(StorageTables.Plays, filter, cancellationToken, [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey)]))
        {
            // A row another removal took first answers 404, which the SDK returns rather than throws.
            await tables.ExecuteAsync(StorageTables.Plays, (table, ct) => table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct), cancellationToken);
        }
    }
}
