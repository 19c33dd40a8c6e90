using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.TempPass;

/// <summary>
/// Starts, continues and reads a device's Temp Pass trial. Adobe keeps the trial: the first authorize on the Temp Pass
/// MVPD starts its clock, and the temporary profile (or a limit error) tells where it stands. Every read asks Adobe, so
/// an app refreshing at start sees a reset or an expiry at once. The trial's MVPDs are the device's brand's.
/// </summary>
public sealed class TempPassService(
    IAdobePassClient adobePass,
    IDeviceStore devices,
    TempPassContexts contexts,
    IOptionsMonitor<TempPassOptions> options,
    ILogger<TempPassService> logger)
{
    /// <summary>Starts or continues the trial; for promotional, <paramref name="email"/> names the user (hashed here).</summary>
    public async Task<TempPassState> StartAsync(DeviceRecord device, ClientEndpoint client, string? kind, string? email, CancellationToken cancellationToken)
    {
        var (parsed, mvpd) = TempPassKinds.Resolve(kind, options.Get(device.Brand));
        if (parsed == TempPassKind.Basic && email is not null)
        {
            throw PassBrokerException.Validation("email", "Only the promotional trial takes an e-mail address.");
        }
        if (parsed == TempPassKind.Promotional)
        {
            var hash = EmailIdentity.Hash(email);
            if (device.TempPassIdentity != hash)
            {
                // A new e-mail on this device: from now on its promotional calls speak for that user. The record in hand
                // may be this instance's copy (InstanceCache:DeviceLifetime old, with an old ETag), so the update starts
                // from the stored one.
                var stored = await devices.FindAsync(device.DeviceKey, cancellationToken) ?? device;
                device = stored.TempPassIdentity == hash
                    ? stored
                    : await devices.UpdateAsync(stored with { TempPassIdentity = hash }, cancellationToken);
            }
        }
        var state = await ReadAsync(device, client, parsed, mvpd, cancellationToken);
        logger.TempPassStarted(device.DeviceKey, mvpd, state.Status);
        return state;
    }

    /// <summary>The trial as Adobe has it now.</summary>
    public Task<TempPassState> GetAsync(DeviceRecord device, ClientEndpoint client, string? kind, CancellationToken cancellationToken)
    {
        var (parsed, mvpd) = TempPassKinds.Resolve(kind, options.Get(device.Brand));
        return ReadAsync(device, client, parsed, mvpd, cancellationToken);
    }

    private async Task<TempPassState> ReadAsync(DeviceRecord device, ClientEndpoint client, TempPassKind kind, string mvpd, CancellationToken cancellationToken)
    {
        try
        {
            var profile = (await adobePass.GetProfilesForMvpdAsync(contexts.For(device, client, mvpd), mvpd, cancellationToken))
                .FirstOrDefault(p => p.Mvpd == mvpd);
            return profile is null
                ? new TempPassState(kind, mvpd, TempPassState.NotStarted, null, null, null, [])
                : FromProfile(kind, mvpd, profile);
        }
        catch (AdobePassException ex) when (TempPassCodes.IsLimit(ex.Error?.Code))
        {
            var status = ex.Error!.Code == TempPassCodes.DurationLimitExceeded ? TempPassState.Expired : TempPassState.ResourcesExhausted;
            return new TempPassState(kind, mvpd, status, null, null, status == TempPassState.ResourcesExhausted ? 0 : null, []);
        }
    }

    private static TempPassState FromProfile(TempPassKind kind, string mvpd, Profile profile)
    {
        var attributes = profile.Attributes;
        var expiresAt = Number(attributes, "expiration_date") is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : profile.NotAfter;
        var remaining = Number(attributes, "remaining_resources") is { } count ? (int)count : (int?)null;
        var used = attributes.TryGetValue("used_assets", out var assets) && assets.Value.ValueKind == JsonValueKind.Array
            ? assets.Value.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList()
            : [];
        var status = remaining == 0 ? TempPassState.ResourcesExhausted : TempPassState.Active;
        return new TempPassState(kind, mvpd, status, profile.NotBefore, expiresAt, remaining, used);
    }

    private static long? Number(IReadOnlyDictionary<string, ProfileAttribute> attributes, string name) =>
        attributes.TryGetValue(name, out var attribute) && attribute.Value.ValueKind == JsonValueKind.Number && attribute.Value.TryGetInt64(out var value)
            ? value
            : null;
}
