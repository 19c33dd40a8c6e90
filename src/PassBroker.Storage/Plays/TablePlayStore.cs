using Azure.Data.Tables;
using PassBroker.Core.Decisions.Rules;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Plays;

/// <summary>
/// Play leases in the device's partition of the <c>plays</c> table: a renewal is a last-writer-wins upsert (two
/// permits for one title agree on what to write), a listing is one partition query on the lease end.
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

    public Task RecordAsync(string deviceKey, string resource, DateTimeOffset leaseEnds, CancellationToken cancellationToken)
    {
        var row = PlayEntity.From(deviceKey, resource, leaseEnds);
        return tables.ExecuteAsync(StorageTables.Plays,
            (table, ct) => table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct), cancellationToken);
    }
}
