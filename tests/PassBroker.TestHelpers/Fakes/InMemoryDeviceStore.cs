using System.Collections.Concurrent;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;

namespace PassBroker.TestHelpers.Fakes;

/// <summary>An <see cref="IDeviceStore"/> with the same concurrency contract as the table store, for unit tests.</summary>
public sealed class InMemoryDeviceStore : IDeviceStore
{
    private readonly ConcurrentDictionary<string, DeviceRecord> _devices = new();
    private int _version;

    public int Writes;

    public Task<DeviceRecord?> FindAsync(string deviceKey, CancellationToken cancellationToken) =>
        Task.FromResult(_devices.GetValueOrDefault(deviceKey));

    public Task<DeviceRecord> AddAsync(DeviceRecord device, CancellationToken cancellationToken)
    {
        var stored = device with { ETag = NextVersion() };
        Interlocked.Increment(ref Writes);
        return _devices.TryAdd(device.DeviceKey, stored) ? Task.FromResult(stored) : throw new ConcurrencyConflictException("exists");
    }

    public Task<DeviceRecord> UpdateAsync(DeviceRecord device, CancellationToken cancellationToken)
    {
        var stored = device with { ETag = NextVersion() };
        Interlocked.Increment(ref Writes);
        return _devices.TryGetValue(device.DeviceKey, out var current) && current.ETag == device.ETag
            && _devices.TryUpdate(device.DeviceKey, stored, current)
            ? Task.FromResult(stored)
            : throw new ConcurrencyConflictException("stale");
    }

    private string NextVersion() => Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
