using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Devices;

/// <summary>
/// Registers a streaming device: one DCR client per device, kept forever (a new DCR registration would sign every
/// user of the device out, adobe-pass-v2.md section 3), and a PassBroker device token for the app.
/// Registering a known device again keeps its DCR client and rotates the device token.
/// </summary>
public sealed class DeviceRegistration(IDeviceStore devices, IAdobePassClient adobePass, TimeProvider time, ILogger<DeviceRegistration> logger)
{
    public async Task<DeviceRegistrationResult> RegisterAsync(string? deviceId, DeviceInfo? info, ClientEndpoint client, CancellationToken cancellationToken)
    {
        DeviceInfoValidator.ValidateDeviceId(deviceId);
        DeviceInfoValidator.Validate(info);
        var deviceKey = DeviceKeys.FromDeviceId(deviceId!);

        // Two registrations of one device can race; the loser re-reads and joins the winner's DCR client.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                var existing = await devices.FindAsync(deviceKey, cancellationToken);
                return existing is null
                    ? await RegisterNewAsync(deviceKey, deviceId!, info!, client, cancellationToken)
                    : await ReRegisterAsync(existing, info!, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < 2)
            {
            }
        }
        throw new PassBrokerException(409, ErrorCodes.ConcurrencyConflict, "The device changed while it was being registered.", "Try again.");
    }

    private async Task<DeviceRegistrationResult> RegisterNewAsync(
        string deviceKey, string deviceId, DeviceInfo info, ClientEndpoint client, CancellationToken cancellationToken)
    {
        var context = new DeviceContext(deviceKey, deviceId, info, client);
        var credentials = await adobePass.RegisterClientAsync(context, cancellationToken);
        var accessToken = await adobePass.RequestAccessTokenAsync(context, credentials, cancellationToken);
        var (token, hash) = DeviceTokens.Issue(deviceKey);
        await devices.AddAsync(new DeviceRecord
        {
            DeviceKey = deviceKey,
            DeviceId = deviceId,
            Info = info,
            Credentials = credentials,
            AccessToken = accessToken,
            DeviceTokenHash = hash,
            RegisteredAt = time.GetUtcNow(),
        }, cancellationToken);
        logger.DeviceRegistered(deviceKey);
        return new DeviceRegistrationResult(deviceKey, token, IsNew: true);
    }

    private async Task<DeviceRegistrationResult> ReRegisterAsync(DeviceRecord existing, DeviceInfo info, CancellationToken cancellationToken)
    {
        var (token, hash) = DeviceTokens.Issue(existing.DeviceKey);
        await devices.UpdateAsync(existing with { Info = info, DeviceTokenHash = hash }, cancellationToken);
        logger.DeviceReRegistered(existing.DeviceKey);
        return new DeviceRegistrationResult(existing.DeviceKey, token, IsNew: false);
    }
}
