using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;

namespace PassBroker.Core.InstanceCaching;

/// <summary>This instance's device records by device key, valid for <see cref="InstanceCacheOptions.DeviceLifetime"/>.</summary>
public sealed class DeviceRecordCopies(IOptions<InstanceCacheOptions> options, TimeProvider time)
{
    private readonly InstanceCache<DeviceRecord> _copies = new(time, options.Value.MaxEntries);
    private readonly TimeSpan _lifetime = options.Value.DeviceLifetime;

    public DeviceRecord? TryGet(string deviceKey) => _copies.TryGet(deviceKey);

    /// <param name="deviceKey">The device.</param>
    /// <param name="device">Its record as just read or written; null forgets the copy.</param>
    public void Put(string deviceKey, DeviceRecord? device) => _copies.Set(deviceKey, device, time.GetUtcNow() + _lifetime);
}
