using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Retention;
using PassBroker.Storage.Devices;
using PassBroker.Storage.Sessions;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Retention;

/// <summary>
/// The purge's rows in Table Storage. Every table is partitioned by device, so each listing is a filtered scan of one
/// table, in pages, on the column that says when the row stopped being of use; only keys are read. Every delete is
/// conditional on the ETag listed, so a row written meanwhile (a renewed lease or permit, a device that just signed in,
/// a session whose profile was just released) stays.
/// </summary>
internal sealed class TableRetentionStore(StorageTables tables, ILogger<TableRetentionStore> logger) : IRetentionStore
{
    private static readonly string[] Keys = [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey)];

    public async Task<ExpiredPage> ListExpiredAsync(RetainedData kind, DateTimeOffset cutoff, string? continuation, int maxRows,
        CancellationToken cancellationToken)
    {
        var filter = kind switch
        {
            // The start-lock row of a device's partition has no ExpiresAt, so it is never listed here.
            // (Column names are written out: CreateQueryFilter quotes every interpolated value as a literal.)
            RetainedData.Sessions => TableClient.CreateQueryFilter($"ExpiresAt lt {cutoff}"),
            RetainedData.SessionCodes => TableClient.CreateQueryFilter($"ExpiresAt lt {cutoff}"),
            RetainedData.Plays => TableClient.CreateQueryFilter($"LeaseEnds lt {cutoff}"),
            RetainedData.Decisions => TableClient.CreateQueryFilter($"NotAfter lt {cutoff}"),
            RetainedData.Profiles => TableClient.CreateQueryFilter($"ExpiresAt lt {cutoff}"),
            // Device rows only (the management client's row shares the table), and only those marked as never signed in.
            RetainedData.UnusedDevices => TableClient.CreateQueryFilter(
                $"RowKey eq {DeviceEntity.Row} and SignedInAt eq {DeviceEntity.NeverSignedIn} and RegisteredAt lt {cutoff}"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of retained row."),
        };
        var (rows, next) = await tables.QueryPageAsync<TableEntity>(TableOf(kind), filter, Keys, continuation, maxRows, cancellationToken);
        return new ExpiredPage([.. rows.Select(r => new ExpiredRow(kind, r.PartitionKey, r.RowKey, r.ETag.ToString()))], next);
    }

    public async Task<PurgeOutcome> DeleteAsync(ExpiredRow row, CancellationToken cancellationToken)
    {
        if (row.Kind == RetainedData.Sessions)
        {
            // The code row first: if the run stops between the two deletes, the session is listed again next time,
            // whereas a code row whose session went first would only be found by its own sweep.
            await DeleteCodeRowAsync(row, cancellationToken);
        }
        var outcome = await DeleteIfUnchangedAsync(TableOf(row.Kind), row.Partition, row.Row, row.Version, cancellationToken);
        if (row.Kind == RetainedData.UnusedDevices && outcome == PurgeOutcome.Deleted)
        {
            // The device's start-lock row in sessions would outlive it for ever; its sign-ins go by their own retention.
            await tables.ExecuteAsync(StorageTables.Sessions,
                (table, ct) => table.DeleteEntityAsync(row.Partition, TableSessionStore.StartLockRow, ETag.All, ct), cancellationToken);
            logger.UnusedDeviceDeleted(TableKeys.Unescape(row.Partition));
        }
        return outcome;
    }

    // The code rows are keyed by the code (the session's row key) and the brand, and name the device; a code Adobe issued
    // again to another device belongs to that device's session now, and stays. The device is of one brand, so the rows
    // naming it are its brand's row (and a legacy one, RowKey empty, which the code rows' own sweep would also find).
    private async Task DeleteCodeRowAsync(ExpiredRow session, CancellationToken cancellationToken)
    {
        var device = TableKeys.Unescape(session.Partition);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {session.Row} and DeviceKey eq {device}");
        await foreach (var code in tables.QueryAsync<SessionCodeEntity>(StorageTables.SessionCodes, filter, cancellationToken))
        {
            await DeleteIfUnchangedAsync(StorageTables.SessionCodes, code.PartitionKey, code.RowKey, code.ETag.ToString(), cancellationToken);
        }
    }

    private async Task<PurgeOutcome> DeleteIfUnchangedAsync(string table, string partition, string rowKey, string version, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.ExecuteAsync(table,
                (client, ct) => client.DeleteEntityAsync(partition, rowKey, new ETag(version), ct), cancellationToken);
            return response.Status == 404 ? PurgeOutcome.AlreadyGone : PurgeOutcome.Deleted;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return PurgeOutcome.Changed;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return PurgeOutcome.AlreadyGone;
        }
    }

    private static string TableOf(RetainedData kind) => kind switch
    {
        RetainedData.Sessions => StorageTables.Sessions,
        RetainedData.SessionCodes => StorageTables.SessionCodes,
        RetainedData.Plays => StorageTables.Plays,
        RetainedData.Decisions => StorageTables.Decisions,
        RetainedData.Profiles => StorageTables.Profiles,
        RetainedData.UnusedDevices => StorageTables.Devices,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of retained row."),
    };
}
