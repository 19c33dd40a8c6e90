using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Sessions;

internal sealed class TableSessionStore(StorageTables tables, ILogger<TableSessionStore> logger) : ISessionStore
{
    private static readonly string Pending = nameof(SessionStatus.Pending);

    public async Task<AuthenticationSession?> FindAsync(string deviceKey, string code, CancellationToken cancellationToken)
    {
        var (partition, row) = (TableKeys.Escape(deviceKey), TableKeys.Escape(code));
        var found = await tables.ExecuteAsync(StorageTables.Sessions,
            (table, ct) => table.GetEntityIfExistsAsync<SessionEntity>(partition, row, cancellationToken: ct),
            cancellationToken);
        return found.HasValue ? found.Value!.ToSession() : null;
    }

    public async Task<AuthenticationSession> AddAsync(AuthenticationSession session, CancellationToken cancellationToken)
    {
        var entity = SessionEntity.From(session);
        try
        {
            var response = await tables.ExecuteAsync(StorageTables.Sessions,
                (table, ct) => table.AddEntityAsync(entity, ct), cancellationToken);
            return session with { ETag = response.Headers.ETag.ToString() };
        }
        catch (RequestFailedException e) when (TableErrors.IsConflict(e))
        {
            logger.WriteConflict(StorageTables.Sessions, session.DeviceKey);
            throw new ConcurrencyConflictException($"Device {session.DeviceKey} already has a session with that code.", e);
        }
    }

    public async Task<AuthenticationSession> UpdateAsync(AuthenticationSession session, CancellationToken cancellationToken)
    {
        var etag = session.ETag ?? throw new ArgumentException("Only a session read from the store can be updated: its ETag is missing.", nameof(session));
        var entity = SessionEntity.From(session);
        try
        {
            var response = await tables.ExecuteAsync(StorageTables.Sessions,
                (table, ct) => table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, ct), cancellationToken);
            return session with { ETag = response.Headers.ETag.ToString() };
        }
        catch (RequestFailedException e) when (TableErrors.IsStaleUpdate(e))
        {
            logger.WriteConflict(StorageTables.Sessions, session.DeviceKey);
            throw new ConcurrencyConflictException($"A session of device {session.DeviceKey} changed since it was read.", e);
        }
    }

    public async IAsyncEnumerable<AuthenticationSession> ListPendingAsync(string? deviceKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = deviceKey is null
            ? TableClient.CreateQueryFilter($"Status eq {Pending}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(deviceKey)} and Status eq {Pending}");
        await foreach (var entity in tables.QueryAsync<SessionEntity>(StorageTables.Sessions, filter, cancellationToken))
        {
            yield return entity.ToSession();
        }
    }
}
