using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
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

    public async Task<DeviceRecord> AddAsync(DeviceRecord device, CancellationToken cancellationToken)
    {
        var entity = DeviceEntity.From(device, sealer);
        try
        {
            var response = await tables.ExecuteAsync(StorageTables.Devices,
                (table, ct) => table.AddEntityAsync(entity, ct), cancellationToken);
            return device with { ETag = response.Headers.ETag.ToString() };
        }
        catch (RequestFailedException e) when (TableErrors.IsConflict(e))
        {
            logger.WriteConflict(StorageTables.Devices, device.DeviceKey);
            throw new ConcurrencyConflictException($"Device {device.DeviceKey} is already registered.", e);
        }
    }

    public async Task<DeviceRecord> UpdateAsync(DeviceRecord device, CancellationToken cancellationToken)
    {
        var etag = device.ETag ?? throw new ArgumentException("Only a record read from the store can be updated: its ETag is missing.", nameof(device));
        var entity = DeviceEntity.From(device, sealer);
        try
        {
            var response = await tables.ExecuteAsync(StorageTables.Devices,
                (table, ct) => table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, ct),
                cancellationToken);
            return device with { ETag = response.Headers.ETag.ToString() };
        }
        catch (RequestFailedException e) when (TableErrors.IsStaleUpdate(e))
        {
            logger.WriteConflict(StorageTables.Devices, device.DeviceKey);
            throw new ConcurrencyConflictException($"Device {device.DeviceKey} changed since it was read.", e);
        }
    }

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
