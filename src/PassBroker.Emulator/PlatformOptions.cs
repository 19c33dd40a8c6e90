using System.Text.Json;

namespace PassBroker.Emulator;

/// <summary>
/// One platform of the configuration response: the devices it covers and the MVPDs it lists. Adobe answers the
/// configuration per service provider and platform, the platform picked from <c>X-Device-Info</c>
/// (adobe-pass-v2.md section 5.4); the emulator matches on the fields PassBroker's MVPD cache keys on
/// (<c>osName</c>, <c>primaryHardwareType</c>, <c>applicationId</c>), each in any case, an unset one matching anything.
/// </summary>
public sealed class PlatformOptions
{
    /// <summary>The response's <c>platform</c>.</summary>
    public string Name { get; set; } = "";

    public string? OsName { get; set; }

    public string? PrimaryHardwareType { get; set; }

    public string? ApplicationId { get; set; }

    /// <summary>The MVPD ids this platform lists, in <see cref="EmulatorOptions.Mvpds"/> order.</summary>
    public List<string> Mvpds { get; } = [];

    public bool Matches(JsonElement deviceInfo) =>
        Matches(OsName, deviceInfo, "osName")
        && Matches(PrimaryHardwareType, deviceInfo, "primaryHardwareType")
        && Matches(ApplicationId, deviceInfo, "applicationId");

    private static bool Matches(string? expected, JsonElement deviceInfo, string key) =>
        expected is null || string.Equals(expected, Read(deviceInfo, key), StringComparison.OrdinalIgnoreCase);

    internal static string? Read(JsonElement deviceInfo, string key) =>
        deviceInfo.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
