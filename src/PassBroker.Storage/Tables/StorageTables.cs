using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Caching;
using PassBroker.Core.Errors;

namespace PassBroker.Storage.Tables;

/// <summary>
/// The tables, each created once per process on first use, and the one place where the SDK's failures become
/// Core's <see cref="StoreUnavailableException"/>.
/// </summary>
internal sealed class StorageTables(TableServiceClient service, IOptions<StorageOptions> options, TimeProvider time, ILogger<StorageTables> logger)
{
    public const string Devices = "devices";
    public const string Sessions = "sessions";
    public const string SessionCodes = "sessioncodes";
    public const string Profiles = "profiles";
    public const string Decisions = "decisions";
    public const string Plays = "plays";
    public const string PendingSignIns = "pendingsignins";

    // Created once and kept for good (the few table names above); a failed creation is tried again by the next caller.
    private readonly SingleFlightCache<string, TableClient> _tables = new(time, 16, (_, _) => DateTimeOffset.MaxValue, StringComparer.Ordinal);

    /// <summary>Runs one operation on a table, translating outages into <see cref="StoreUnavailableException"/>.</summary>
    public async Task<T> ExecuteAsync<T>(string table, Func<TableClient, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            var client = await GetAsync(table, cancellationToken);
            try
            {
                return await operation(client, cancellationToken);
            }
            catch (RequestFailedException e) when (e.ErrorCode == TableErrors.TableNotFound)
            {
                // Deleted behind our back (or an emulator restarted): create it again rather than fail until a restart.
                Forget(table);
                return await operation(await GetAsync(table, cancellationToken), cancellationToken);
            }
        }
        catch (Exception e) when (TableErrors.IsUnavailable(e, cancellationToken))
        {
            throw Unavailable(table, e);
        }
    }

    /// <summary>Inserts a row that must not exist yet; an existing row is a <see cref="ConcurrencyConflictException"/>.</summary>
    /// <returns>The new row's ETag.</returns>
    public async Task<string> InsertAsync(string table, ITableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ExecuteAsync(table, (client, ct) => client.AddEntityAsync(entity, ct), cancellationToken);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table Storage answered a write without an ETag.");
        }
        catch (RequestFailedException e) when (TableErrors.IsConflict(e))
        {
            throw Conflict(table, entity, "already exists", e);
        }
    }

    /// <summary>Replaces a row if it still has <paramref name="etag"/>; otherwise (changed or gone) a
    /// <see cref="ConcurrencyConflictException"/>, and nothing is written.</summary>
    /// <returns>The row's new ETag.</returns>
    public async Task<string> ReplaceAsync(string table, ITableEntity entity, string? etag, CancellationToken cancellationToken)
    {
        var expected = etag ?? throw new ArgumentException("Only a record read from the store can be updated: its ETag is missing.", nameof(etag));
        try
        {
            var response = await ExecuteAsync(table,
                (client, ct) => client.UpdateEntityAsync(entity, new ETag(expected), TableUpdateMode.Replace, ct), cancellationToken);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table Storage answered a write without an ETag.");
        }
        catch (RequestFailedException e) when (TableErrors.IsStaleUpdate(e))
        {
            throw Conflict(table, entity, "changed since it was read", e);
        }
    }

    /// <summary>
    /// Submits one entity group transaction (one partition): all of it is written or none. A row that already exists
    /// or changed since it was read is a <see cref="ConcurrencyConflictException"/>, and nothing is written.
    /// </summary>
    /// <returns>The new ETag of each action's row, in order.</returns>
    public async Task<IReadOnlyList<string?>> SubmitAsync(string table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ExecuteAsync(table, (client, ct) => client.SubmitTransactionAsync(actions, ct), cancellationToken);
            return [.. response.Value.Select(r => r.Headers.ETag?.ToString())];
        }
        catch (TableTransactionFailedException e) when (TableErrors.IsConflict(e) || TableErrors.IsStaleUpdate(e))
        {
            throw Conflict(table, actions[0].Entity, "changed while a transaction was prepared", e);
        }
    }

    /// <summary>Runs a query, translating outages like <see cref="ExecuteAsync{T}"/>; a missing table reads as empty.</summary>
    /// <param name="table">The logical table name.</param>
    /// <param name="filter">The OData filter.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <param name="select">Only these properties, when the rows' other columns are not needed (say, to delete them).</param>
    public async IAsyncEnumerable<T> QueryAsync<T>(string table, string filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken, IEnumerable<string>? select = null)
        where T : class, ITableEntity
    {
        // Getting the client through ExecuteAsync creates the table with the same outage handling as any operation.
        var client = await ExecuteAsync(table, (c, _) => Task.FromResult(c), cancellationToken);
        await using var rows = client.QueryAsync<T>(filter, select: select, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await rows.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (RequestFailedException e) when (e.ErrorCode == TableErrors.TableNotFound)
            {
                Forget(table);
                yield break;
            }
            catch (Exception e) when (TableErrors.IsUnavailable(e, cancellationToken))
            {
                throw Unavailable(table, e);
            }
            yield return rows.Current;
        }
    }

    /// <summary>
    /// One page of a query, from <paramref name="continuation"/> on: for work done in bounded steps that the next step
    /// (or the next process) carries on. A missing table reads as empty; a filtered scan may answer an empty page that
    /// still has a continuation.
    /// </summary>
    /// <param name="table">The logical table name.</param>
    /// <param name="filter">The OData filter; null for every row.</param>
    /// <param name="select">The properties to read; null for all.</param>
    /// <param name="continuation">Where the previous page ended, or null for the first.</param>
    /// <param name="maxRows">The most rows of the page (the service answers at most 1,000).</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public Task<(IReadOnlyList<T> Rows, string? Continuation)> QueryPageAsync<T>(string table, string? filter, IEnumerable<string>? select,
        string? continuation, int maxRows, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var size = Math.Clamp(maxRows, 1, 1000);
        return ExecuteAsync(table, async (client, ct) =>
        {
            await foreach (var page in client.QueryAsync<T>(filter, size, select, ct).AsPages(continuation, size))
            {
                return ((IReadOnlyList<T>)page.Values, page.ContinuationToken);
            }
            return ((IReadOnlyList<T>)[], (string?)null);
        }, cancellationToken);
    }

    private ConcurrencyConflictException Conflict(string table, ITableEntity entity, string what, Exception inner)
    {
        var deviceKey = TableKeys.Unescape(entity.PartitionKey);
        logger.WriteConflict(table, deviceKey);
        return new ConcurrencyConflictException($"The {table} row of device {deviceKey} {what}.", inner);
    }

    /// <summary>The table's real name: the configured prefix and the logical name.</summary>
    public string NameOf(string table) => options.Value.TablePrefix + table;

    private Task<TableClient> GetAsync(string table, CancellationToken cancellationToken) =>
        _tables.GetOrLoadAsync(table, CreateAsync, cancellationToken);

    private async Task<TableClient> CreateAsync(string table, CancellationToken cancellationToken)
    {
        var client = service.GetTableClient(NameOf(table));
        var created = await client.CreateIfNotExistsAsync(cancellationToken);
        // 409 means it already existed; only a real creation is worth a log line.
        if (created.GetRawResponse().Status is 201 or 204)
        {
            logger.TableCreated(client.Name);
        }
        return client;
    }

    private void Forget(string table)
    {
        logger.TableMissing(NameOf(table));
        _tables.Remove(table);
    }

    private StoreUnavailableException Unavailable(string table, Exception e)
    {
        logger.StoreUnavailable(e, NameOf(table));
        return new StoreUnavailableException($"Table storage did not serve table '{NameOf(table)}'.", e);
    }
}
