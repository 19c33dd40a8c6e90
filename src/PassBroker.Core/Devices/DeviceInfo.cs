using System.Text.Json.Serialization;

namespace PassBroker.Core.Devices;

/// <summary>
/// The streaming device as Adobe's <c>X-Device-Info</c> header describes it (adobe-pass-v2.md section 2.3).
/// Property names are Adobe's JSON keys; the app sends them to PassBroker in the same shape.
/// </summary>
public sealed record DeviceInfo
{
    [JsonPropertyName("primaryHardwareType")] public string? PrimaryHardwareType { get; init; }
    [JsonPropertyName("model")] public string? Model { get; init; }
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("manufacturer")] public string? Manufacturer { get; init; }
    [JsonPropertyName("vendor")] public string? Vendor { get; init; }
    [JsonPropertyName("osName")] public string? OsName { get; init; }
    [JsonPropertyName("osFamily")] public string? OsFamily { get; init; }
    [JsonPropertyName("osVendor")] public string? OsVendor { get; init; }
    [JsonPropertyName("osVersion")] public string? OsVersion { get; init; }
    [JsonPropertyName("browserName")] public string? BrowserName { get; init; }
    [JsonPropertyName("browserVendor")] public string? BrowserVendor { get; init; }
    [JsonPropertyName("browserVersion")] public string? BrowserVersion { get; init; }
    [JsonPropertyName("userAgent")] public string? UserAgent { get; init; }
    [JsonPropertyName("displayWidth")] public int? DisplayWidth { get; init; }
    [JsonPropertyName("displayHeight")] public int? DisplayHeight { get; init; }
    [JsonPropertyName("displayPpi")] public int? DisplayPpi { get; init; }
    [JsonPropertyName("diagonalScreenSize")] public string? DiagonalScreenSize { get; init; }
    [JsonPropertyName("connectionType")] public string? ConnectionType { get; init; }
    [JsonPropertyName("connectionIp")] public string? ConnectionIp { get; init; }
    [JsonPropertyName("connectionPort")] public string? ConnectionPort { get; init; }
    [JsonPropertyName("connectionSecure")] public bool? ConnectionSecure { get; init; }
    [JsonPropertyName("applicationId")] public string? ApplicationId { get; init; }

    /// <summary>
    /// The same device info with the connection fields taken from where the request really came from:
    /// a device cannot claim another IP, and HBA needs the real IP and source port.
    /// </summary>
    public DeviceInfo WithConnection(ClientEndpoint client) => this with
    {
        ConnectionIp = client.IpAddress,
        ConnectionPort = client.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
