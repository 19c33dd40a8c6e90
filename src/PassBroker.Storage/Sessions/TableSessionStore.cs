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

    public async Task<AuthenticationSession> AddAsync(AuthenticationSession session, CancellationToken cancellationToken) =>
        session with { ETag = await tables.InsertAsync(StorageTables.Sessions, SessionEntity.From(session), cancellationToken) };

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
