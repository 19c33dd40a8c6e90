using Azure.Data.Tables;
using PassBroker.Core.Decisions;
using PassBroker.Core.Upstream;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Decisions;

/// <summary>
/// Cached preauthorize permits, one row each in the device's partition of the <c>decisions</c> table. A lookup is one
/// range query over the MVPD's rows; writes and removals go in entity-group transactions of up to 100 rows.
/// Expired rows stay until replaced or removed: reads skip them by their <c>NotAfter</c> column.
/// </summary>
internal sealed class TableDecisionCache(StorageTables tables, TimeProvider time) : IDecisionCache
{
    /// <summary>The service's limit for one entity-group transaction.</summary>
    private const int MaxBatch = 100;

    /// <summary>How many times a removal lists the partition again after racing another removal of the same device.</summary>
    private const int MaxRemovalRounds = 5;

    public async Task<IReadOnlyDictionary<string, Decision>> FindPermitsAsync(
        string deviceKey, string mvpd, IReadOnlyCollection<string> resources, CancellationToken cancellationToken)
    {
        var wanted = resources.ToDictionary(r => DecisionEntity.RowKeyOf(mvpd, r), StringComparer.Ordinal);
        var found = new Dictionary<string, Decision>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return found;
        }

        // Row keys are "{mvpd}|{hash}"; '}' is the character after '|', so this range is exactly the MVPD's rows.
        var (from, to) = (TableKeys.Escape(mvpd + "|"), TableKeys.Escape(mvpd + "}"));
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Escape(deviceKey)} and RowKey ge {from} and RowKey lt {to} and NotAfter gt {time.GetUtcNow()}");
        await foreach (var row in tables.QueryAsync<DecisionEntity>(StorageTables.Decisions, filter, cancellationToken))
        {
            // The resource column, not only its hash, must match.
            if (wanted.TryGetValue(row.RowKey, out var resource) && row.Resource == resource)
            {
                found[resource] = row.ToDecision();
            }
        }
        return found;
    }

    public async Task SetPermitsAsync(string deviceKey, IReadOnlyCollection<Decision> decisions, CancellationToken cancellationToken)
    {
        var rows = decisions
            .Where(d => d.Authorized && d.NotAfter is not null)
            .Select(d => DecisionEntity.From(deviceKey, d))
            // A resource too big for a row is simply asked about again next time.
            .Where(row => row.FitsInARow)
            // One transaction may not touch a row twice.
            .DistinctBy(row => row.RowKey, StringComparer.Ordinal)
            .Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
        await SubmitAsync(rows, cancellationToken);
    }

    public async Task RemoveAllAsync(string deviceKey, CancellationToken cancellationToken)
    {
        // Two removals of one device can run at once (say, two logouts). A transaction fails as a whole when one of its
        // deletes meets a row the other removal already took, so the partition is listed again and what is left goes.
        // Each round deletes at least what the other removal did not, so a few rounds always end it.
        for (var round = 1; ; round++)
        {
            try
            {
                await SubmitAsync(await ListForDeletionAsync(deviceKey, cancellationToken), cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && e.ErrorCode != TableErrors.TableNotFound && round < MaxRemovalRounds)
            {
            }
        }
    }

    private async Task<List<TableTransactionAction>> ListForDeletionAsync(string deviceKey, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(deviceKey)}");
        var rows = new List<TableTransactionAction>();
        // Keys only: deleting needs nothing of the cached decisions themselves.
        await foreach (var row in tables.QueryAsync<TableEntity>(StorageTables.Decisions, filter, cancellationToken, [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey)]))
        {
            rows.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, Azure.ETag.All));
        }
        return rows;
    }

    private async Task SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        foreach (var batch in actions.Chunk(MaxBatch))
        {
            await tables.ExecuteAsync(StorageTables.Decisions, (table, ct) => table.SubmitTransactionAsync(batch, ct), cancellationToken);
        }
    }
}
