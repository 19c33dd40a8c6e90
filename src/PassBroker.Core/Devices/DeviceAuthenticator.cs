using PassBroker.Core.Errors;
using PassBroker.Core.InstanceCaching;

namespace PassBroker.Core.Devices;

/// <summary>
/// Turns a presented device token into the device it belongs to, or refuses it with 401. A token matching this
/// instance's copy of the record (<see cref="DeviceRecordCopies"/>) reads no table; any other is checked against the store.
/// </summary>
public sealed class DeviceAuthenticator(IDeviceStore devices, DeviceRecordCopies copies)
{
    /// <param name="token">The presented token; null when the request carried none, empty when it carried something
    /// that is not a bearer token.</param>
    /// <param name="cancellationToken">Cancels the device lookup.</param>
    public async Task<DeviceRecord> AuthenticateAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is null)
        {
            throw new PassBrokerException(401, ErrorCodes.MissingDeviceToken, "A device token is required.",
                "Send 'Authorization: Bearer <deviceToken>' with the token POST /api/devices returned.");
        }
        if (!DeviceTokens.TryParse(token, out var deviceKey, out var secret))
        {
            throw InvalidToken();
        }
        if (copies.TryGet(deviceKey) is { } copy && DeviceTokens.Matches(secret, copy.DeviceTokenHash))
        {
            return copy;
        }
        var device = await devices.FindAsync(deviceKey, cancellationToken);
        if (device is null || !DeviceTokens.Matches(secret, device.DeviceTokenHash))
        {
            throw InvalidToken();
        }
        return device;
    }

    /// <summary>
    /// One answer for every kind of bad token (and for a token presented with another device id at registration), so a
    /// caller learns nothing about which devices exist.
    /// </summary>
    public static PassBrokerException InvalidToken() =>
        new(401, ErrorCodes.InvalidDeviceToken, "The device token is not valid.",
            "Register with POST /api/devices without a token to get a new one (as a new installation: the user signs in again).");
}
