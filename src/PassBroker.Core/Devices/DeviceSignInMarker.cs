using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;

namespace PassBroker.Core.Devices;

/// <summary>
/// Records a device's first completed sign-in (<see cref="DeviceRecord.SignedInAt"/>): from then on the device is in
/// use and never counts as a registration nobody signed in with (<c>Retention:UnusedDevices</c>). One write per device,
/// ever; later sign-ins find the mark and write nothing.
/// </summary>
public sealed class DeviceSignInMarker(IDeviceStore devices, TimeProvider time, ILogger<DeviceSignInMarker> logger)
{
    private const int MaxAttempts = 3;

    /// <summary>Marks the device signed in now, unless it already is. The write is conditional on the version read, so
    /// a purge that lists the device as unused meanwhile cannot delete it afterwards.</summary>
    public async Task MarkAsync(string deviceKey, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var device = await devices.FindAsync(deviceKey, cancellationToken);
            if (device is null || device.SignedInAt is not null)
            {
                return;
            }
            try
            {
                await devices.UpdateAsync(device with { SignedInAt = time.GetUtcNow() }, cancellationToken);
                logger.DeviceFirstSignIn(deviceKey);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Re-registered meanwhile: read again and mark the current record.
            }
        }
    }
}
