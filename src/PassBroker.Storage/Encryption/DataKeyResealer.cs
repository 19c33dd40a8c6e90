using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;
using PassBroker.Storage.Devices;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Encryption;

/// <summary>
/// Re-seals the sealed columns of the <c>devices</c> table (client secret, access token, device id) with the current
/// data key: the device rows and the management client's row (<see cref="Management.ManagementClientEntity"/>), which
/// uses the same column names. It also seals the clear device id of rows written before ids were sealed, and drops that
/// column. Each row is written back whole, as read, with its ETag, so a device that registers or refreshes its token at
/// the same moment wins and nothing it wrote is lost.
/// </summary>
internal sealed class DataKeyResealer(StorageTables tables, SecretSealer sealer, IDataKeyProvider keys, ILogger<DataKeyResealer> logger)
    : IDataKeyResealer
{
    private static readonly string[] Columns = [.. SealedClientRow.SealedColumns, nameof(DeviceEntity.SealedDeviceId)];

    public async Task<ResealReport> ResealAsync(string? continuation, int maxRows, CancellationToken cancellationToken)
    {
        var position = continuation is null ? null : Decode(continuation);
        var current = (await keys.GetCurrentKeyAsync(cancellationToken)).Version;
        var (rows, next) = await tables.QueryPageAsync<TableEntity>(StorageTables.Devices, filter: null, select: null, position, maxRows, cancellationToken);

        int resealed = 0, conflicts = 0, unreadable = 0;
        foreach (var row in rows)
        {
            switch (await ResealRowAsync(row, current, cancellationToken))
            {
                case Outcome.Resealed: resealed++; break;
                case Outcome.Conflict: conflicts++; break;
                case Outcome.Unreadable: unreadable++; break;
            }
        }
        logger.ResealBatch(rows.Count, resealed, current, conflicts, unreadable);
        return new ResealReport(current, rows.Count, resealed, conflicts, unreadable,
            next is null ? null : Encode(next));
    }

    // Table Storage reads any text as a position, so a mistyped continuation would silently skip rows and report the
    // table done. Handing out the position wrapped makes a token this route did not issue fail loudly instead.
    private const string ContinuationPrefix = "r1.";

    private static string Encode(string position) =>
        ContinuationPrefix + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(position));

    private static string Decode(string continuation)
    {
        try
        {
            if (continuation.StartsWith(ContinuationPrefix, StringComparison.Ordinal))
            {
                return System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(continuation.AsSpan(ContinuationPrefix.Length)));
            }
        }
        catch (FormatException)
        {
        }
        throw PassBrokerException.Validation("continuation", "continuation is not one this route handed out.");
    }

    private async Task<Outcome> ResealRowAsync(TableEntity row, string current, CancellationToken cancellationToken)
    {
        var update = Writable(row);
        var moved = false;
        try
        {
            foreach (var column in Columns)
            {
                if (row.GetString(column) is not { } sealedValue || SecretSealer.VersionOf(sealedValue) == current)
                {
                    continue;
                }
                // Every sealed value is bound to its own row, so the row's keys give its context, whichever kind of row it is.
                var context = Context(row, column);
                update[column] = await sealer.SealAsync(await sealer.OpenAsync(sealedValue, context, cancellationToken), context, cancellationToken);
                moved = true;
            }
            if (row.GetString(nameof(DeviceEntity.DeviceId)) is { } clearId)
            {
                // A row from before device ids were sealed: seal the id, and write the row without its clear column.
                if (row.GetString(nameof(DeviceEntity.SealedDeviceId)) is null)
                {
                    update[nameof(DeviceEntity.SealedDeviceId)] = await sealer.SealAsync(clearId, Context(row, nameof(DeviceEntity.SealedDeviceId)), cancellationToken);
                }
                update.Remove(nameof(DeviceEntity.DeviceId));
                moved = true;
            }
        }
        catch (SealedValueException e)
        {
            logger.SealedValueRejected(e, StorageTables.Devices, TableKeys.Unescape(row.PartitionKey));
            return Outcome.Unreadable;
        }
        if (!moved)
        {
            return Outcome.Current;
        }
        try
        {
            // Replace, not merge, so that a dropped column is gone; the ETag makes it as safe as a merge would be.
            // Through StorageTables like every other write: an outage is a 503 storage_unavailable, not a 500.
            await tables.ExecuteAsync(StorageTables.Devices,
                (table, ct) => table.UpdateEntityAsync(update, row.ETag, TableUpdateMode.Replace, ct), cancellationToken);
            return Outcome.Resealed;
        }
        catch (RequestFailedException e) when (TableErrors.IsStaleUpdate(e))
        {
            return Outcome.Conflict;
        }
    }

    private static SealingContext Context(TableEntity row, string column) => new(StorageTables.Devices, row.PartitionKey, row.RowKey, column);

    // The row's own properties, without what the service keeps itself (timestamp, ETag).
    private static TableEntity Writable(TableEntity row)
    {
        var copy = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (name, value) in row)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                copy[name] = value;
            }
        }
        return copy;
    }

    private enum Outcome { Current, Resealed, Conflict, Unreadable }
}
