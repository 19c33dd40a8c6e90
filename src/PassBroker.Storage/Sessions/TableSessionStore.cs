using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using PassBroker.Core.Brands;
using PassBroker.Core.Sessions;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Sessions;

internal sealed class TableSessionStore(StorageTables tables) : ISessionStore
{
    private static readonly string Pending = nameof(SessionStatus.Pending);
    private static readonly string Authenticated = nameof(SessionStatus.Authenticated);

    /// <summary>
    /// The row of a device's partition that every sign-in start rewrites under its ETag, in the same transaction as the
    /// new session: of two starts that read the device's sessions at once, only one can commit. Codes are letters and
    /// digits, so no session has this key; it has no <c>Status</c>, so no pending query finds it.
    /// </summary>
    internal const string StartLockRow = "~start";

    public async Task<AuthenticationSession?> FindAsync(string deviceKey, string code, CancellationToken cancellationToken)
    {
        var (partition, row) = (TableKeys.Escape(deviceKey), TableKeys.Escape(code));
        var found = await tables.ExecuteAsync(StorageTables.Sessions,
            (table, ct) => table.GetEntityIfExistsAsync<SessionEntity>(partition, row, cancellationToken: ct),
            cancellationToken);
        return found.HasValue ? found.Value!.ToSession() : null;
    }

    public async Task<IReadOnlyList<AuthenticationSession>> FindByCodeAsync(string code, IReadOnlyCollection<string> brands,
        CancellationToken cancellationToken)
    {
        // One query of the code's partition: its few rows are the code under each brand (and maybe a legacy row).
        var rows = new List<SessionCodeEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(code)}");
        await foreach (var row in tables.QueryAsync<SessionCodeEntity>(StorageTables.SessionCodes, filter, cancellationToken))
        {
            rows.Add(row);
        }
        var found = new List<AuthenticationSession>();
        foreach (var brand in brands.Distinct(StringComparer.Ordinal))
        {
            var row = rows.Find(r => r.RowKey == SessionCodeEntity.RowFor(brand))
                // A sign-in started before the code rows moved to a non-empty RowKey (and before brands) is still found.
                ?? (BrandKeys.IsDefault(brand) ? rows.Find(r => r.RowKey == SessionCodeEntity.LegacyRow) : null);
            if (row is not null && await FindAsync(row.DeviceKey, code, cancellationToken) is { } session)
            {
                found.Add(session);
            }
        }
        return found;
    }

    public async Task<AuthenticationSession> AddAsync(AuthenticationSession session, CancellationToken cancellationToken)
    {
        var etag = await tables.InsertAsync(StorageTables.Sessions, SessionEntity.From(session), cancellationToken);
        await WriteCodeRowAsync(session, cancellationToken);
        return session with { ETag = etag };
    }

    // Upsert: a code Adobe reissues after the old one expired belongs to the newest session. Written after the
    // session row, so a code row never points at a session that was not stored.
    private Task WriteCodeRowAsync(AuthenticationSession session, CancellationToken cancellationToken) =>
        tables.ExecuteAsync(StorageTables.SessionCodes,
            (table, ct) => table.UpsertEntityAsync(SessionCodeEntity.For(session.Code, session.Brand, session.DeviceKey, session.ExpiresAt), TableUpdateMode.Replace, ct),
            cancellationToken);

    public async Task<PendingSessionStart> StartPendingAsync(AuthenticationSession session,
        Func<AuthenticationSession, AuthenticationSession> endReplaced, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Escape(session.DeviceKey);
        // The lock row first: a start that commits after this read changes its ETag, so the pending sessions listed
        // next can only be stale if the transaction below fails.
        var startLock = await tables.ExecuteAsync(StorageTables.Sessions,
            (table, ct) => table.GetEntityIfExistsAsync<TableEntity>(partition, StartLockRow, cancellationToken: ct), cancellationToken);
        var replaced = new List<AuthenticationSession>();
        await foreach (var pending in ListPendingAsync(session.DeviceKey, cancellationToken))
        {
            if (pending.Code != session.Code)
            {
                replaced.Add(endReplaced(pending));
            }
        }

        var marker = new TableEntity(partition, StartLockRow) { ["Code"] = session.Code };
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, SessionEntity.From(session)),
            .. replaced.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateReplace, SessionEntity.From(r), new ETag(r.ETag!))),
            startLock.HasValue
                ? new(TableTransactionActionType.UpdateReplace, marker, startLock.Value!.ETag)
                : new(TableTransactionActionType.Add, marker),
        ];
        var etags = await tables.SubmitAsync(StorageTables.Sessions, actions, cancellationToken);
        await WriteCodeRowAsync(session, cancellationToken);
        return new PendingSessionStart(session with { ETag = etags[0] }, [.. replaced.Select((r, i) => r with { ETag = etags[i + 1] })]);
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

    public async IAsyncEnumerable<AuthenticationSession> ListHoldingProfilesAsync(string deviceKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Only authenticated sessions ever hold a profile; the table cannot filter on a missing column, so the few
        // authenticated ones of the device are read and those without a profile skipped here.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(deviceKey)} and Status eq {Authenticated}");
        await foreach (var entity in tables.QueryAsync<SessionEntity>(StorageTables.Sessions, filter, cancellationToken))
        {
            if (entity.Profile is not null)
            {
                yield return entity.ToSession();
            }
        }
    }
}
