using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Devices;

/// <summary>
/// Registers a streaming app installation: one DCR client per installation, kept forever (a new DCR registration
/// would sign every user of it out, adobe-pass-v2.md section 3), and a PassBroker device token for the app.
/// A device id is not a credential: anyone can send any id, so a registration without a device token is always a new
/// installation with a key of its own, and only the holder of an installation's current token can register it again.
/// </summary>
public sealed class DeviceRegistration(
    IDeviceStore devices, DeviceAuthenticator authenticator, IAdobePassClient adobePass, TimeProvider time, ILogger<DeviceRegistration> logger)
{
    /// <param name="deviceId">The device's stable id, sent to Adobe in <c>AP-Device-Identifier</c>.</param>
    /// <param name="info">The device's X-Device-Info fields.</param>
    /// <param name="deviceToken">
    /// The installation's current device token when the app registers again (null for a first registration; empty when
    /// the request carried something that is not a bearer token).
    /// </param>
    /// <param name="client">Where the device connects from.</param>
    /// <param name="cancellationToken">Cancels the registration.</param>
    public async Task<DeviceRegistrationResult> RegisterAsync(
        string? deviceId, DeviceInfo? info, string? deviceToken, ClientEndpoint client, CancellationToken cancellationToken)
    {
        DeviceInfoValidator.ValidateDeviceId(deviceId);
        DeviceInfoValidator.Validate(info);
        return deviceToken is null
            ? await RegisterNewAsync(deviceId!, info!, client, cancellationToken)
            : await ReRegisterAsync(deviceId!, info!, deviceToken, cancellationToken);
    }

    // A previous installation with the same device id is left as it is: it keeps its key, its DCR client and therefore
    // its profiles (Adobe binds them to client and device), its sessions, decisions and Temp Pass identity.
    private async Task<DeviceRegistrationResult> RegisterNewAsync(string deviceId, DeviceInfo info, ClientEndpoint client, CancellationToken cancellationToken)
    {
        var deviceKey = DeviceKeys.New();
        var context = new DeviceContext(deviceKey, deviceId, info, client);
        var credentials = await adobePass.RegisterClientAsync(context, cancellationToken);
        var accessToken = await adobePass.RequestAccessTokenAsync(context, credentials, cancellationToken);
        var (token, hash) = DeviceTokens.Issue(deviceKey);
        // A random 128-bit key never meets an existing one, so an insert conflict cannot be a race worth retrying.
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

    // Same DCR client (nobody is signed out), updated info, a new token; the presented one stops working.
    private async Task<DeviceRegistrationResult> ReRegisterAsync(string deviceId, DeviceInfo info, string deviceToken, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            DeviceRecord existing;
            try
            {
                existing = await authenticator.AuthenticateAsync(deviceToken, cancellationToken);
            }
            catch (PassBrokerException e) when (e.Code == ErrorCodes.InvalidDeviceToken)
            {
                if (attempt > 0)
                {
                    // The token was good a moment ago: a concurrent re-registration with it won and rotated it.
                    throw Conflict();
                }
                logger.ReRegistrationWithInvalidToken();
                throw;
            }
            if (!SameDeviceId(existing.DeviceId, deviceId))
            {
                // The same answer as a bad token: the caller learns nothing about the installation's real id.
                logger.ReRegistrationWithOtherDeviceId(existing.DeviceKey);
                throw DeviceAuthenticator.InvalidToken();
            }
            var (token, hash) = DeviceTokens.Issue(existing.DeviceKey);
            try
            {
                await devices.UpdateAsync(existing with { Info = info, DeviceTokenHash = hash }, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < 2)
            {
                // Another write (an access token refresh, a Temp Pass start) got in first; the copy it left is gone,
                // so the next authentication reads the row as it is now.
                continue;
            }
            catch (ConcurrencyConflictException)
            {
                throw Conflict();
            }
            logger.DeviceReRegistered(existing.DeviceKey);
            return new DeviceRegistrationResult(existing.DeviceKey, token, IsNew: false);
        }
    }

    private static bool SameDeviceId(string stored, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(presented));

    private static PassBrokerException Conflict() =>
        new(409, ErrorCodes.ConcurrencyConflict, "The device changed while it was being registered.", "Try again.");
}
