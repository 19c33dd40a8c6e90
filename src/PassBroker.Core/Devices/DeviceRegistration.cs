using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Brands;
using PassBroker.Core.Errors;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Devices;

/// <summary>
/// Registers a streaming app installation: one DCR client per installation, kept forever (a new DCR registration
/// would sign every user of it out, adobe-pass-v2.md section 3), and a PassBroker device token for the app.
/// A device id is not a credential: anyone can send any id, so a registration without a device token is always a new
/// installation with a key of its own, and only the holder of an installation's current token can register it again.
/// A device belongs to the brand it first registered under for life: its DCR client was made with that brand's software
/// statement, so another brand's app on the same hardware is another installation.
/// </summary>
public sealed class DeviceRegistration(
    IDeviceStore devices, DeviceAuthenticator authenticator, IAdobePassClient adobePass, BrandCatalog brands, TimeProvider time,
    ILogger<DeviceRegistration> logger)
{
    /// <summary>Registers for the default brand; see the overload with a brand.</summary>
    /// <param name="deviceId">The device's stable id.</param>
    /// <param name="info">The device's X-Device-Info fields.</param>
    /// <param name="deviceToken">The installation's current device token when the app registers again.</param>
    /// <param name="client">Where the device connects from.</param>
    /// <param name="cancellationToken">Cancels the registration.</param>
    public Task<DeviceRegistrationResult> RegisterAsync(
        string? deviceId, DeviceInfo? info, string? deviceToken, ClientEndpoint client, CancellationToken cancellationToken) =>
        RegisterAsync(deviceId, info, brand: null, deviceToken, client, cancellationToken);

    /// <param name="deviceId">The device's stable id, sent to Adobe in <c>AP-Device-Identifier</c>.</param>
    /// <param name="info">The device's X-Device-Info fields.</param>
    /// <param name="brand">
    /// The brand's public id the app names (<see cref="BrandCatalog.TryResolve"/>); null for the default brand, or, on a
    /// re-registration, for the device's own.
    /// </param>
    /// <param name="deviceToken">
    /// The installation's current device token when the app registers again (null for a first registration; empty when
    /// the request carried something that is not a bearer token).
    /// </param>
    /// <param name="client">Where the device connects from.</param>
    /// <param name="cancellationToken">Cancels the registration.</param>
    public async Task<DeviceRegistrationResult> RegisterAsync(
        string? deviceId, DeviceInfo? info, string? brand, string? deviceToken, ClientEndpoint client, CancellationToken cancellationToken)
    {
        DeviceInfoValidator.ValidateDeviceId(deviceId);
        DeviceInfoValidator.Validate(info);
        if (!brands.TryResolve(brand, out var brandKey))
        {
            logger.RegistrationWithUnknownBrand();
            throw new PassBrokerException(400, ErrorCodes.UnknownBrand, "This service has no such brand.",
                "brand is the public id of one of the deployment's brands; leave it out for the default brand.");
        }
        return deviceToken is null
            ? await RegisterNewAsync(deviceId!, info!, brandKey, client, cancellationToken)
            : await ReRegisterAsync(deviceId!, info!, brand is null ? null : brandKey, deviceToken, cancellationToken);
    }

    // A previous installation with the same device id is left as it is: it keeps its key, its DCR client and therefore
    // its profiles (Adobe binds them to client and device), its sessions, decisions and Temp Pass identity.
    private async Task<DeviceRegistrationResult> RegisterNewAsync(
        string deviceId, DeviceInfo info, string brand, ClientEndpoint client, CancellationToken cancellationToken)
    {
        var deviceKey = DeviceKeys.New();
        var context = new DeviceContext(deviceKey, deviceId, info, client) { Brand = brand };
        var credentials = await adobePass.RegisterClientAsync(context, cancellationToken);
        var accessToken = await adobePass.RequestAccessTokenAsync(context, credentials, cancellationToken);
        var (token, hash) = DeviceTokens.Issue(deviceKey);
        // A random 128-bit key never meets an existing one, so an insert conflict cannot be a race worth retrying.
        await devices.AddAsync(new DeviceRecord
        {
            DeviceKey = deviceKey,
            DeviceId = deviceId,
            Brand = brand,
            Info = info,
            Credentials = credentials,
            AccessToken = accessToken,
            DeviceTokenHash = hash,
            RegisteredAt = time.GetUtcNow(),
        }, cancellationToken);
        logger.DeviceRegistered(deviceKey);
        return new DeviceRegistrationResult(deviceKey, token, IsNew: true, brand);
    }

    // Same DCR client (nobody is signed out), updated info, a new token; the presented one stops working. A brand, when
    // named, must be the device's own: its client belongs to that brand's registered application.
    private async Task<DeviceRegistrationResult> ReRegisterAsync(
        string deviceId, DeviceInfo info, string? brand, string deviceToken, CancellationToken cancellationToken)
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
            if (brand is not null && !string.Equals(brand, existing.Brand, StringComparison.Ordinal))
            {
                // Checked after the token and id, so only the installation's holder learns its brand.
                logger.ReRegistrationWithOtherBrand(existing.DeviceKey, brands.PublicId(existing.Brand), brands.PublicId(brand));
                throw new PassBrokerException(409, ErrorCodes.BrandMismatch, "The device is registered under another brand.",
                    "A device keeps its brand: register again without a brand (or with its own), or register as a new installation without a device token.");
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
            return new DeviceRegistrationResult(existing.DeviceKey, token, IsNew: false, existing.Brand);
        }
    }

    private static bool SameDeviceId(string stored, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(presented));

    private static PassBrokerException Conflict() =>
        new(409, ErrorCodes.ConcurrencyConflict, "The device changed while it was being registered.", "Try again.");
}
