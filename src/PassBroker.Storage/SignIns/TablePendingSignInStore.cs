using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.SignIns;

/// <summary>
/// The sharded shape's pending sign-ins: a start is one upsert, a round one partition query (a page per 1,000 due
/// rows), an end one delete conditional on the ETag read, so a newer sign-in that replaced the row meanwhile stays.
/// No write per poll.
/// </summary>
internal sealed class TablePendingSignInStore(StorageTables tables) : IPendingSignInStore
{
    public Task PutAsync(PendingSignIn row, CancellationToken cancellationToken) =>
        tables.ExecuteAsync(StorageTables.PendingSignIns,
            (table, ct) => table.UpsertEntityAsync(PendingSignInEntity.From(row), TableUpdateMode.Replace, ct), cancellationToken);

    public async IAsyncEnumerable<PendingSignIn> ListDueAsync(int shard, int slot, long tick,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PendingSignInEntity.PartitionOf(shard, slot)} and FirstDueTick le {tick}");
        await foreach (var row in tables.QueryAsync<PendingSignInEntity>(StorageTables.PendingSignIns, filter, cancellationToken))
        {
            yield return row.ToPendingSignIn();
        }
    }

    public async Task<bool> RemoveAsync(PendingSignIn row, CancellationToken cancellationToken)
    {
        var entity = PendingSignInEntity.From(row);
        // A replaced row answers 412 and a row already gone 404; the SDK returns the 404 rather than throws.
        try
        {
            var response = await tables.ExecuteAsync(StorageTables.PendingSignIns,
                (table, ct) => table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, row.ETag is { } etag ? new ETag(etag) : ETag.All, ct),
                cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (TableErrors.IsStaleUpdate(e))
        {
            return false;
        }
    }

    public async Task<bool> AnyAsync(int shard, CancellationToken cancellationToken)
    {
        var (from, to) = PendingSignInEntity.PartitionsOf(shard);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
        var (rows, _) = await tables.QueryPageAsync<TableEntity>(StorageTables.PendingSignIns, filter,
            [nameof(ITableEntity.PartitionKey)], null, 1, cancellationToken);
        return rows.Count > 0;
    }
}
