using PassBroker.Core.Devices;
using PassBroker.Core.Errors;

namespace PassBroker.Core.InstanceCaching;

/// <summary>
/// The device store with this instance's copy of each record kept current: every read and write through here
/// refreshes it, a write conflict drops it. Reads still go to the store (read-modify-write callers need the latest
/// ETag); only <see cref="DeviceAuthenticator"/> answers from the copy, through <see cref="DeviceRecordCopies"/>.
/// </summary>
public sealed class CachingDeviceStore(IDeviceStore inner, DeviceRecordCopies copies) : IDeviceStore
{
    public async Task<DeviceRecord?> FindAsync(string deviceKey, CancellationToken cancellationToken)
    {
        var device = await inner.FindAsync(deviceKey, cancellationToken);
        copies.Put(deviceKey, device);
        return device;
    }

    public Task<DeviceRecord> AddAsync(DeviceRecord device, CancellationToken cancellationToken) =>
        WriteAsync(device, inner.AddAsync, cancellationToken);

    public Task<DeviceRecord> UpdateAsync(DeviceRecord device, CancellationToken cancellationToken) =>
        WriteAsync(device, inner.UpdateAsync, cancellationToken);

    private async Task<DeviceRecord> WriteAsync(DeviceRecord device, Func<DeviceRecord, CancellationToken, Task<DeviceRecord>> write, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await write(device, cancellationToken);
            copies.Put(device.DeviceKey, stored);
            return stored;
        }
        catch (ConcurrencyConflictException)
        {
            // Someone else wrote it: our copy is stale, and the next request must read the table.
            copies.Put(device.DeviceKey, null);
            throw;
        }
    }
}
