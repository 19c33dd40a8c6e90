using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.AdobePass.Dcr;
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
    private readonly ConcurrentDictionary<string, AccessToken> _tokens = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<AccessToken>>> _refreshes = new();

    /// <summary>A usable token for the device. <paramref name="rejected"/> is a token Adobe just refused with 401.</summary>
    public async Task<string> GetTokenAsync(DeviceContext device, string? rejected, CancellationToken cancellationToken)
    {
        if (_tokens.TryGetValue(device.DeviceKey, out var known) && known.Value != rejected && IsFresh(known))
        {
            return known.Value;
        }

        var refresh = _refreshes.GetOrAdd(device.DeviceKey, _ => new Lazy<Task<AccessToken>>(() => RefreshAsync(device, rejected)));
        try
        {
            return (await refresh.Value.WaitAsync(cancellationToken)).Value;
        }
        finally
        {
            _refreshes.TryRemove(KeyValuePair.Create(device.DeviceKey, refresh));
        }
    }

    private bool IsFresh(AccessToken token) => token.IsFreshAt(time.GetUtcNow(), options.Value.TokenRefreshMargin);

    // Runs without the caller's token: callers share it, and one caller leaving must not fail the others.
    private async Task<AccessToken> RefreshAsync(DeviceContext device, string? rejected)
    {
        // The request was just authenticated against this instance's copy of the record: its token is as good as the
        // table's, without a second read. A rejected or stale one sends us to the table.
        if (copies.TryGet(device.DeviceKey)?.AccessToken is { } copied && copied.Value != rejected && IsFresh(copied))
        {
            return _tokens[device.DeviceKey] = copied;
        }
        var record = await FindAsync(device.DeviceKey);

        // Another instance may have refreshed already; its token is as good as a new one.
        if (record.AccessToken is { } stored && stored.Value != rejected && IsFresh(stored))
        {
            return _tokens[device.DeviceKey] = stored;
        }

        var token = await dcr.RequestTokenAsync(device, record.Credentials, CancellationToken.None);
        _tokens[device.DeviceKey] = token;
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
                record = await FindAsync(record.DeviceKey);
                if (record.AccessToken is { } stored && stored.Value != rejected && IsFresh(stored))
                {
                    return;
                }
            }
        }
    }

    private async Task<DeviceRecord> FindAsync(string deviceKey) =>
        await devices.FindAsync(deviceKey, CancellationToken.None)
            ?? throw new PassBrokerException(401, ErrorCodes.InvalidDeviceToken, "The device is not registered.");
}
