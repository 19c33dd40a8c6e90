using Microsoft.Extensions.Logging;
using PassBroker.Core.Management;
using PassBroker.Storage.Encryption;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Management;

internal sealed class TableManagementClientStore(StorageTables tables, SecretSealer sealer, ILogger<TableManagementClientStore> logger)
    : IManagementClientStore
{
    public async Task<ManagementClientRecord?> FindAsync(string brand, CancellationToken cancellationToken)
    {
        var partition = ManagementClientEntity.PartitionOf(brand);
        var found = await tables.ExecuteAsync(StorageTables.Devices,
            (table, ct) => table.GetEntityIfExistsAsync<ManagementClientEntity>(partition, ManagementClientEntity.Row, cancellationToken: ct),
            cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }
        try
        {
            return await found.Value!.ToRecordAsync(brand, sealer, cancellationToken);
        }
        catch (SealedValueException e)
        {
            logger.ManagementSealedValueRejected(e, StorageTables.Devices);
            throw;
        }
    }

    public async Task<ManagementClientRecord> AddAsync(ManagementClientRecord client, CancellationToken cancellationToken) =>
        client with { ETag = await tables.InsertAsync(StorageTables.Devices, await ManagementClientEntity.FromAsync(client, sealer, cancellationToken), cancellationToken) };

    public async Task<ManagementClientRecord> UpdateAsync(ManagementClientRecord client, CancellationToken cancellationToken) =>
        client with { ETag = await tables.ReplaceAsync(StorageTables.Devices, await ManagementClientEntity.FromAsync(client, sealer, cancellationToken), client.ETag, cancellationToken) };
}
