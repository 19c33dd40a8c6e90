using Microsoft.Extensions.Logging;
using PassBroker.Core.Devices;
using PassBroker.Storage.Encryption;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Devices;

internal sealed class TableDeviceStore(StorageTables tables, SecretSealer sealer, ILogger<TableDeviceStore> logger) : IDeviceStore
{
    public async Task<DeviceRecord?> FindAsync(string deviceKey, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Escape(deviceKey);
        var found = await tables.ExecuteAsync(StorageTables.Devices,
            (table, ct) => table.GetEntityIfExistsAsync<DeviceEntity>(partition, DeviceEntity.Row, cancellationToken: ct),
            cancellationToken);
        return found.HasValue ? Open(found.Value!) : null;
    }

    public async Task<DeviceRecord> AddAsync(DeviceRecord device, CancellationToken cancellationToken) =>
        device with { ETag = await tables.InsertAsync(StorageTables.Devices, DeviceEntity.From(device, sealer), cancellationToken) };

    public async Task<DeviceRecord> UpdateAsync(DeviceRecord device, CancellationToken cancellationToken) =>
        device with { ETag = await tables.ReplaceAsync(StorageTables.Devices, DeviceEntity.From(device, sealer), device.ETag, cancellationToken) };

    private DeviceRecord Open(DeviceEntity entity)
    {
        try
        {
            return entity.ToRecord(sealer);
        }
        catch (SealedValueException e)
        {
            logger.SealedValueRejected(e, StorageTables.Devices, TableKeys.Unescape(entity.PartitionKey));
            throw;
        }
    }
}
