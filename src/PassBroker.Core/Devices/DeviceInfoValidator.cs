using PassBroker.Core.Errors;

namespace PassBroker.Core.Devices;

/// <summary>
/// Checks what an app says about its device before it goes upstream. Adobe requires model, version, osName, osVersion
/// and connectionType, and restricts some keys to fixed lists (adobe-pass-v2.md section 2.3); a device described
/// otherwise is treated as platform <c>unknown</c> and loses HBA, so PassBroker refuses it up front with the field named.
/// </summary>
public static class DeviceInfoValidator
{
    public const int MaxDeviceIdLength = 256;
    private const int MaxFieldLength = 512;

    public static void ValidateDeviceId(string? deviceId)
    {
        if (string.IsNullOrWhiteSpace(deviceId))
        {
            throw PassBrokerException.Validation("deviceId", "deviceId is required: the device's stable id (e.g. a SHA-256 of the OS id).");
        }
        if (deviceId.Length > MaxDeviceIdLength || deviceId.Any(char.IsControl))
        {
            throw PassBrokerException.Validation("deviceId", $"deviceId must be at most {MaxDeviceIdLength} printable characters.");
        }
    }

    public static void Validate(DeviceInfo? info)
    {
        if (info is null)
        {
            throw PassBrokerException.Validation("deviceInfo", "deviceInfo is required (the X-Device-Info fields of the device).");
        }
        Require(info.Model, "model");
        Require(info.Version, "version");
        Require(info.OsName, "osName");
        Require(info.OsVersion, "osVersion");
        Require(info.ConnectionType, "connectionType");
        foreach (var (name, value) in TextFields(info))
        {
            if (value is { Length: > MaxFieldLength } || (value is not null && value.Any(char.IsControl)))
            {
                throw PassBrokerException.Validation($"deviceInfo.{name}", $"deviceInfo.{name} must be at most {MaxFieldLength} printable characters.");
            }
            if (value is not null && DeviceInfoValues.Restricted.TryGetValue(name, out var allowed) && !allowed.Contains(value, StringComparer.Ordinal))
            {
                throw PassBrokerException.Validation($"deviceInfo.{name}",
                    $"deviceInfo.{name} must be one of Adobe's values: {string.Join(", ", allowed)}.");
            }
        }
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw PassBrokerException.Validation($"deviceInfo.{name}", $"deviceInfo.{name} is required by Adobe Pass.");
        }
    }

    private static IEnumerable<(string, string?)> TextFields(DeviceInfo i) =>
    [
        ("primaryHardwareType", i.PrimaryHardwareType), ("model", i.Model), ("version", i.Version), ("manufacturer", i.Manufacturer),
        ("vendor", i.Vendor), ("osName", i.OsName), ("osFamily", i.OsFamily), ("osVendor", i.OsVendor), ("osVersion", i.OsVersion),
        ("browserName", i.BrowserName), ("browserVendor", i.BrowserVendor), ("browserVersion", i.BrowserVersion),
        ("userAgent", i.UserAgent), ("diagonalScreenSize", i.DiagonalScreenSize), ("connectionType", i.ConnectionType),
        ("applicationId", i.ApplicationId),
    ];
}
