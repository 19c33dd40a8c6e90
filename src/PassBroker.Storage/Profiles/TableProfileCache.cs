using Azure;
using Azure.Data.Tables;
using PassBroker.Core.Profiles;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Profiles;

/// <summary>
/// The profile cache is last-writer-wins: every write is a fresh read from Adobe, so there is nothing to merge.
/// Expiry is the caller's call (<see cref="CachedProfiles.ExpiresAt"/>); the row stays until replaced or removed.
/// </summary>
internal sealed class TableProfileCache(StorageTables tables) : IProfileCache
{
    public async Task<CachedProfiles?> FindAsync(string deviceKey, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Escape(deviceKey);
        var found = await tables.ExecuteAsync(StorageTables.Profiles,
            (table, ct) => table.GetEntityIfExistsAsync<ProfilesEntity>(partition, ProfilesEntity.Row, cancellationToken: ct),
            cancellationToken);
        return found.HasValue ? found.Value!.ToProfiles() : null;
    }

    public Task SetAsync(string deviceKey, CachedProfiles profiles, CancellationToken cancellationToken)
    {
        var entity = ProfilesEntity.From(deviceKey, profiles);
        return tables.ExecuteAsync(StorageTables.Profiles,
            (table, ct) => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct), cancellationToken);
    }

    public Task RemoveAsync(string deviceKey, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Escape(deviceKey);
        // Deleting a row that is not there answers 404, which the SDK returns rather than throws: removing is idempotent.
        return tables.ExecuteAsync(StorageTables.Profiles,
            (table, ct) => table.DeleteEntityAsync(partition, ProfilesEntity.Row, ETag.All, ct), cancellationToken);
    }
}
