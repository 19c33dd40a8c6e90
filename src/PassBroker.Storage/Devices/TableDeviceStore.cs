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
        return found.HasValue ? await OpenAsync(found.Value!, cancellationToken) : null;
    }

    public async Task<DeviceRecord> AddAsync(DeviceRecord device, CancellationToken cancellationToken) =>
        device with { ETag = await tables.InsertAsync(StorageTables.Devices, await DeviceEntity.FromAsync(device, sealer, cancellationToken), cancellationToken) };

    public async Task<DeviceRecord> UpdateAsync(DeviceRecord device, CancellationToken cancellationToken) =>
        device with { ETag = await tables.ReplaceAsync(StorageTables.Devices, await DeviceEntity.FromAsync(device, sealer, cancellationToken), device.ETag, cancellationToken) };

    private async Task<DeviceRecord> OpenAsync(DeviceEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            return await entity.ToRecordAsync(sealer, cancellationToken);
        }
        catch (SealedValueException e)
        {
            logger.SealedValueRejected(e, StorageTables.Devices, TableKeys.Unescape(entity.PartitionKey));
            throw;
        }
    }
}
