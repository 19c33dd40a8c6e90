using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.AdobePass.Dcr;
using PassBroker.Core.Caching;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.InstanceCaching;

namespace PassBroker.AdobePass.Handlers;

/// <summary>
/// The device's DCR access token: from memory, else from the device record, else a new one from <c>/o/client/token</c>
/// with the device's stored credentials (never a new registration). Refreshed <see cref="AdobePassOptions.TokenRefreshMargin"/>
/// before it expires, and at most one refresh per device at a time however many requests need it.
/// </summary>
internal sealed class AccessTokenProvider(
    IDeviceStore devices,
    DeviceRecordCopies copies,
    DcrClient dcr,
    IOptions<AdobePassOptions> options,
    TimeProvider time,
    ILogger<AccessTokenProvider> logger)
{
    // Bounded like the device copies: a token is only a saved read (of the record) or a saved call (to DCR). Each is
    // kept until the refresh margin before its expiry.
    private readonly SingleFlightCache<string, AccessToken> _tokens = new(time, options.Value.MaxAccessTokens,
        (token, _) => token.ExpiresAt - options.Value.TokenRefreshMargin, StringComparer.Ordinal);

    /// <summary>A usable token for the device. <paramref name="rejected"/> is a token Adobe just refused with 401.</summary>
    public async Task<string> GetTokenAsync(DeviceContext device, string? rejected, CancellationToken cancellationToken)
    {
        if (_tokens.TryGet(device.DeviceKey, out var known) && known.Value != rejected)
        {
            return known.Value;
        }
        if (rejected is not null)
        {
            _tokens.Remove(device.DeviceKey, token => token.Value == rejected);
        }
        var token = await _tokens.GetOrLoadAsync(device.DeviceKey, (_, ct) => RefreshAsync(device, rejected, ct), cancellationToken);
        return token.Value;
    }

    private bool IsFresh(AccessToken token) => token.IsFreshAt(time.GetUtcNow(), options.Value.TokenRefreshMargin);

    // Shared by the device's callers; its token is cancelled only when all of them have left.
    private async Task<AccessToken> RefreshAsync(DeviceContext device, string? rejected, CancellationToken cancellationToken)
    {
        // The request was just authenticated against this instance's copy of the record: its token is as good as the
        // table's, without a second read. A rejected or stale one sends us to the table.
        if (copies.TryGet(device.DeviceKey)?.AccessToken is { } copied && copied.Value != rejected && IsFresh(copied))
        {
            return copied;
        }
        var record = await FindAsync(device.DeviceKey, cancellationToken);

        // Another instance may have refreshed already; its token is as good as a new one.
        if (record.AccessToken is { } stored && stored.Value != rejected && IsFresh(stored))
        {
            return stored;
        }

        var token = await dcr.RequestTokenAsync(device, record.Credentials, cancellationToken);
        // Adobe has issued it: stored even if every caller has left meanwhile, so the next one need not ask again.
        await SaveAsync(record, token, rejected);
        logger.AccessTokenRefreshed(device.DeviceKey, token.ExpiresAt);
        return token;
    }

    // Stores the token so other instances (and restarts) reuse it. A record that changed meanwhile (re-registration,
    // another instance's refresh) is read again; if it already holds a fresh token, that one stays.
    private async Task SaveAsync(DeviceRecord record, AccessToken token, string? rejected)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await devices.UpdateAsync(record with { AccessToken = token }, CancellationToken.None);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                record = await FindAsync(record.DeviceKey, CancellationToken.None);
                if (record.AccessToken is { } stored && stored.Value != rejected && IsFresh(stored))
                {
                    return;
                }
            }
        }
    }

    private async Task<DeviceRecord> FindAsync(string deviceKey, CancellationToken cancellationToken) =>
        await devices.FindAsync(deviceKey, cancellationToken)
            ?? throw new PassBrokerException(401, ErrorCodes.InvalidDeviceToken, "The device is not registered.");
}
