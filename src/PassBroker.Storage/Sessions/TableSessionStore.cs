using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using PassBroker.Core.Sessions;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Sessions;

internal sealed class TableSessionStore(StorageTables tables) : ISessionStore
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

    public async Task<AuthenticationSession?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Escape(code);
        var found = await tables.ExecuteAsync(StorageTables.SessionCodes,
            (table, ct) => table.GetEntityIfExistsAsync<SessionCodeEntity>(partition, "", cancellationToken: ct),
            cancellationToken);
        return found.HasValue ? await FindAsync(found.Value!.DeviceKey, code, cancellationToken) : null;
    }

    public async Task<AuthenticationSession> AddAsync(AuthenticationSession session, CancellationToken cancellationToken)
    {
        var etag = await tables.InsertAsync(StorageTables.Sessions, SessionEntity.From(session), cancellationToken);
        // Upsert: a code Adobe reissues after the old one expired belongs to the newest session. Written after the
        // session row, so a code row never points at a session that was not stored.
        await tables.ExecuteAsync(StorageTables.SessionCodes,
            (table, ct) => table.UpsertEntityAsync(SessionCodeEntity.For(session.Code, session.DeviceKey), TableUpdateMode.Replace, ct),
            cancellationToken);
        return session with { ETag = etag };
    }

    public async Task<AuthenticationSession> UpdateAsync(AuthenticationSession session, CancellationToken cancellationToken) =>
        session with { ETag = await tables.ReplaceAsync(StorageTables.Sessions, SessionEntity.From(session), session.ETag, cancellationToken) };

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
