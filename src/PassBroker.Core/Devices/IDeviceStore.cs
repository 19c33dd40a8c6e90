namespace PassBroker.Core.Devices;

/// <summary>Persistent device records, partitioned by device key. Writes use optimistic concurrency.</summary>
public interface IDeviceStore
{
    /// <summary>The device, or null when none is registered under that key.</summary>
    Task<DeviceRecord?> FindAsync(string deviceKey, CancellationToken cancellationToken);

    /// <summary>Adds a new device. Throws <see cref="Errors.ConcurrencyConflictException"/> when the key exists.</summary>
    /// <returns>The stored record with its new <see cref="DeviceRecord.ETag"/>.</returns>
    Task<DeviceRecord> AddAsync(DeviceRecord device, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the device if its stored version still equals <see cref="DeviceRecord.ETag"/>;
    /// otherwise throws <see cref="Errors.ConcurrencyConflictException"/> and changes nothing.
    /// </summary>
    Task<DeviceRecord> UpdateAsync(DeviceRecord device, CancellationToken cancellationToken);
}
