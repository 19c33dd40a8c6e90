using System.Globalization;
using System.Text.Json;

namespace PassBroker.Emulator.Sessions.Devices;

/// <summary>
/// Maps X-Device-Info keys (adobe-pass-v2.md section 2.3) onto the OpenAPI <c>Device</c> shape. No JSON types are
/// specified for the keys, so numbers, strings and booleans are each accepted where the others are expected.
/// </summary>
internal static class SessionDeviceReader
{
    public static SessionDevice Read(JsonElement info)
    {
        string? S(string key) => ReadString(info, key);

        var model = S("model");
        return new SessionDevice(
            S("primaryHardwareType"),
            model,
            ParseVersion(S("version")),
            Any(model, S("vendor"), S("manufacturer"))
                ? new DeviceHardware(model, S("vendor"), ParseVersion(S("version")), S("manufacturer"))
                : null,
            Any(S("osName"), S("osFamily"), S("osVendor"), S("osVersion"))
                ? new DeviceOperatingSystem(S("osName"), S("osFamily"), S("osVendor"), ParseVersion(S("osVersion")))
                : null,
            Any(S("browserName"), S("browserVendor"), S("browserVersion"), S("userAgent"))
                ? new DeviceBrowser(S("browserName"), S("browserVendor"), ParseVersion(S("browserVersion")), S("userAgent"), S("userAgent"))
                : null,
            Any(S("displayWidth"), S("displayHeight"), S("displayPpi"), S("diagonalScreenSize"))
                ? new DeviceDisplay(ReadLong(info, "displayWidth"), ReadLong(info, "displayHeight"), ReadLong(info, "displayPpi"), S("diagonalScreenSize"))
                : null,
            S("applicationId"),
            Any(S("connectionIp"), S("connectionPort"), S("connectionSecure"), S("connectionType"))
                ? new DeviceConnection(S("connectionIp"), S("connectionPort"), ReadBool(info, "connectionSecure"), S("connectionType"))
                : null);
    }

    public static DeviceVersion? ParseVersion(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var parts = raw.Split('.');
        int? Part(int index) =>
            index < parts.Length && int.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

        return Part(0) is { } major
            ? new DeviceVersion(major, Part(1), Part(2), null)
            : new DeviceVersion(null, null, null, raw);
    }

    private static bool Any(params string?[] values) => values.Any(v => v is not null);

    private static string? ReadString(JsonElement info, string key) =>
        info.TryGetProperty(key, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    private static long? ReadLong(JsonElement info, string key) =>
        long.TryParse(ReadString(info, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static bool? ReadBool(JsonElement info, string key) =>
        bool.TryParse(ReadString(info, key), out var b) ? b : null;
}
