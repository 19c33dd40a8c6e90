using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Devices;
using PassBroker.Core.InstanceCaching;

namespace PassBroker.Integration.Tests.Brands;

/// <summary>
/// Test-only stand-in for registration with a brand (built in parallel, issue 20 item 2): the next registration of a
/// device id is made a device of the brand named here, and its record reads with that brand from then on. It sits
/// under the instance's record copies, so authentication, polling and every service see the brand as they will once
/// the registration field stores it. Remove it, and register with the brand, when registration takes one.
/// </summary>
internal sealed class BrandAssignments
{
    private readonly ConcurrentDictionary<string, string> _nextRegistration = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _byDeviceKey = new(StringComparer.Ordinal);

    /// <summary>The next new registration of <paramref name="deviceId"/> is a device of <paramref name="brand"/>.</summary>
    /// <param name="deviceId">The device id the app registers with.</param>
    /// <param name="brand">The brand key.</param>
    public void RegisterNextUnder(string deviceId, string brand) => _nextRegistration[deviceId] = brand;

    /// <summary>Puts the assignments under the DevHost's device store (a <c>configure</c> action of the application).</summary>
    /// <param name="builder">The DevHost's builder, after PassBroker's registrations.</param>
    public void Install(WebApplicationBuilder builder)
    {
        var original = builder.Services.Single(d => d.ServiceType == typeof(IDeviceStore));
        builder.Services.Remove(original);
        // The product's store is the record copies over the table; the brand goes between, so the copies hold it too.
        builder.Services.AddSingleton<IDeviceStore>(s => new CachingDeviceStore(
            new Store((IDeviceStore)original.ImplementationFactory!(s), this), s.GetRequiredService<DeviceRecordCopies>()));
    }

    private DeviceRecord? Apply(DeviceRecord? device) =>
        device is not null && _byDeviceKey.TryGetValue(device.DeviceKey, out var brand) ? device with { Brand = brand } : device;

    private sealed class Store(IDeviceStore inner, BrandAssignments assignments) : IDeviceStore
    {
        public async Task<DeviceRecord?> FindAsync(string deviceKey, CancellationToken cancellationToken) =>
            assignments.Apply(await inner.FindAsync(deviceKey, cancellationToken));

        public async Task<DeviceRecord> AddAsync(DeviceRecord device, CancellationToken cancellationToken)
        {
            if (assignments._nextRegistration.TryRemove(device.DeviceId, out var brand))
            {
                assignments._byDeviceKey[device.DeviceKey] = brand;
            }
            return assignments.Apply(await inner.AddAsync(device, cancellationToken))!;
        }

        public async Task<DeviceRecord> UpdateAsync(DeviceRecord device, CancellationToken cancellationToken) =>
            assignments.Apply(await inner.UpdateAsync(device, cancellationToken))!;
    }
}
