using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Errors;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.TempPass;

/// <summary>
/// The programmer's Temp Pass reset through Adobe's reset API: basic by device id or for all devices, promotional by
/// user (e-mail, hashed here, or its hash) or for all users. "All" must be asked for explicitly: a missing target is an
/// error, never everyone. Per brand: the brand's Temp Pass MVPDs, service provider and management client.
/// </summary>
public sealed partial class TempPassResetService(
    IAdobePassClient adobePass,
    IOptionsMonitor<TempPassOptions> options,
    ILogger<TempPassResetService> logger)
{
    public async Task<TempPassResetResult> ResetAsync(TempPassResetRequest request, CancellationToken cancellationToken)
    {
        // The brand's own Temp Pass MVPDs: brands on one service provider may run different trials.
        var (kind, mvpd) = TempPassKinds.Resolve(request.Kind, options.Get(request.Brand));
        var (reset, scope) = kind == TempPassKind.Basic ? ForDevices(request, mvpd) : ForUsers(request, mvpd);
        var status = await adobePass.ResetTempPassAsync(reset with { Brand = request.Brand }, cancellationToken);
        logger.TempPassReset(mvpd, scope, status);
        return new TempPassResetResult(kind, mvpd, scope, status);
    }

    private static (TempPassReset, string) ForDevices(TempPassResetRequest request, string mvpd)
    {
        if (request.Email is not null || request.Hash is not null)
        {
            throw PassBrokerException.Validation("kind", "A basic Temp Pass is reset by deviceId (or all), not by user.");
        }
        return OneTarget(request.DeviceId, request.All, "deviceId") switch
        {
            null => (new TempPassReset(mvpd, ByKey: false, null, null), "all_devices"),
            var deviceId => (new TempPassReset(mvpd, ByKey: false, ValidDeviceId(deviceId), null), "device"),
        };
    }

    private static (TempPassReset, string) ForUsers(TempPassResetRequest request, string mvpd)
    {
        if (request.DeviceId is not null)
        {
            throw PassBrokerException.Validation("deviceId", "A promotional Temp Pass is reset by user (email or hash, or all), not by device.");
        }
        if (request.Email is not null && request.Hash is not null)
        {
            throw PassBrokerException.Validation("hash", "Give the user's email or its hash, not both.");
        }
        var key = request.Email is not null ? EmailIdentity.Hash(request.Email) : request.Hash;
        return OneTarget(key, request.All, "email") switch
        {
            null => (new TempPassReset(mvpd, ByKey: true, null, null), "all_users"),
            var hash when request.Email is not null || Sha256Hex().IsMatch(hash) => (new TempPassReset(mvpd, ByKey: true, null, hash), "user"),
            _ => throw PassBrokerException.Validation("hash", "hash is the SHA-256 of the normalized e-mail: 64 lowercase hex characters."),
        };
    }

    /// <returns>The one target, or null for "all".</returns>
    private static string? OneTarget(string? target, bool? all, string field) => (target, all) switch
    {
        ({ } value, not true) => value,
        (null, true) => null,
        (not null, true) => throw PassBrokerException.Validation("all", $"Give {field} or all, not both."),
        _ => throw PassBrokerException.Validation(field, $"Say whom to reset: {field}, or \"all\": true for everyone."),
    };

    private static string ValidDeviceId(string deviceId) =>
        deviceId.Length is > 0 and <= 256 && !deviceId.Any(char.IsControl)
            ? deviceId
            : throw PassBrokerException.Validation("deviceId", "deviceId is the id the device registered with: 1 to 256 characters, no control characters.");

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
