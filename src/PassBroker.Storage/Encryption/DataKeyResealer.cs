using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Encryption;

/// <summary>
/// Re-seals the sealed columns of the <c>devices</c> table (client secret, access token) with the current data key:
/// the device rows and the management client's row (<see cref="Management.ManagementClientEntity"/>), which uses the same
/// column names. Each row is merged with its ETag and only those two columns, so a device that registers or refreshes
/// its token at the same moment wins and nothing it wrote is lost.
/// </summary>
internal sealed class DataKeyResealer(StorageTables tables, SecretSealer sealer, IDataKeyProvider keys, ILogger<DataKeyResealer> logger)
    : IDataKeyResealer
{
    private static readonly string[] Columns = SealedClientRow.SealedColumns;

    public async Task<ResealReport> ResealAsync(string? continuation, int maxRows, CancellationToken cancellationToken)
    {
        var position = continuation is null ? null : Decode(continuation);
        var current = (await keys.GetCurrentKeyAsync(cancellationToken)).Version;
        var page = await tables.ExecuteAsync(StorageTables.Devices, async (table, ct) =>
        {
            await foreach (var first in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", .. Columns], maxPerPage: maxRows, cancellationToken: ct)
                .AsPages(position, maxRows).WithCancellation(ct))
            {
                return first;
            }
            return null;
        }, cancellationToken);

        int resealed = 0, conflicts = 0, unreadable = 0;
        var rows = page?.Values ?? [];
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
            page?.ContinuationToken is { } next ? Encode(next) : null);
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
        var update = new TableEntity(row.PartitionKey, row.RowKey);
        var moved = false;
        foreach (var column in Columns)
        {
            if (row.GetString(column) is not { } sealedValue || SecretSealer.VersionOf(sealedValue) == current)
            {
                continue;
            }
            // Every sealed value is bound to its own row, so the row's keys give its context, whichever kind of row it is.
            var context = new SealingContext(StorageTables.Devices, row.PartitionKey, row.RowKey, column);
            try
            {
                update[column] = await sealer.SealAsync(await sealer.OpenAsync(sealedValue, context, cancellationToken), context, cancellationToken);
                moved = true;
            }
            catch (SealedValueException e)
            {
                logger.SealedValueRejected(e, StorageTables.Devices, TableKeys.Unescape(row.PartitionKey));
                return Outcome.Unreadable;
            }
        }
        if (!moved)
        {
            return Outcome.Current;
        }
        try
        {
            // Through StorageTables like every other write: an outage is a 503 storage_unavailable, not a 500.
            await tables.ExecuteAsync(StorageTables.Devices,
                (table, ct) => table.UpdateEntityAsync(update, row.ETag, TableUpdateMode.Merge, ct), cancellationToken);
            return Outcome.Resealed;
        }
        catch (RequestFailedException e) when (TableErrors.IsStaleUpdate(e))
        {
            return Outcome.Conflict;
        }
    }

    private enum Outcome { Current, Resealed, Conflict, Unreadable }
}
