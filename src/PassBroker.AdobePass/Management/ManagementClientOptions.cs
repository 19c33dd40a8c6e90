using System.ComponentModel.DataAnnotations;
using PassBroker.Core.Devices;

namespace PassBroker.AdobePass.Management;

/// <summary>
/// How PassBroker describes itself in <c>X-Device-Info</c> when it registers its management client and asks for its
/// tokens: a server program, stated here, never borrowed from a device. Adobe requires model, version, osName, osVersion
/// and connectionType (adobe-pass-v2.md section 2.3); its <c>primaryHardwareType</c> list has no server, so none is sent
/// unless one is set. The defaults name PassBroker and the OS it runs on.
/// <code>
/// "AdobePass": { "ManagementClient": { "Model": "PassBroker", "Version": "1.0.0", "OsName": "Linux", "OsVersion": "6.8", "ConnectionType": "LAN" } }
/// </code>
/// </summary>
public sealed class ManagementClientOptions
{
    /// <summary>Adobe's fixed values for <c>osName</c>.</summary>
    private static readonly string[] OsNames = ["Android", "Chrome OS", "Linux", "Mac OS", "OS X", "OpenBSD", "Roku OS", "Windows", "iOS", "tvOS", "webOS"];

    /// <summary>Adobe's fixed values for <c>primaryHardwareType</c>.</summary>
    private static readonly string[] HardwareTypes =
    [
        "Camera", "DataCollectionTerminal", "Desktop", "EmbeddedNetworkModule", "eReader", "GamesConsole", "GeolocationTracker", "Glasses",
        "MediaPlayer", "MobilePhone", "PaymentTerminal", "PluginModem", "SetTopBox", "TV", "Tablet", "WirelessHotspot", "Wristwatch", "Unknown",
    ];

    public string Model { get; set; } = "PassBroker";

    /// <summary>PassBroker's own version.</summary>
    public string Version { get; set; } = typeof(ManagementClientOptions).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    /// <summary>The OS this instance runs on, in Adobe's words (<c>Linux</c> in Azure Functions).</summary>
    public string OsName { get; set; } = OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "Mac OS" : "Linux";

    /// <summary>That OS's version (major.minor; the kernel's on Linux).</summary>
    public string OsVersion { get; set; } = Environment.OSVersion.Version.ToString(2);

    public string ConnectionType { get; set; } = "LAN";

    /// <summary>Sent only when set; one of <see cref="HardwareTypes"/>.</summary>
    public string? PrimaryHardwareType { get; set; }

    internal DeviceInfo ToDeviceInfo() => new()
    {
        Model = Model,
        Version = Version,
        OsName = OsName,
        OsVersion = OsVersion,
        ConnectionType = ConnectionType,
        PrimaryHardwareType = string.IsNullOrWhiteSpace(PrimaryHardwareType) ? null : PrimaryHardwareType,
    };

    internal IEnumerable<ValidationResult> Validate(string prefix)
    {
        foreach (var (name, value) in new[] { (nameof(Model), Model), (nameof(Version), Version), (nameof(OsVersion), OsVersion), (nameof(ConnectionType), ConnectionType) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return new ValidationResult($"{prefix}:{name} is required: Adobe requires it in X-Device-Info.", [$"{prefix}:{name}"]);
            }
        }
        if (!OsNames.Contains(OsName, StringComparer.Ordinal))
        {
            yield return new ValidationResult($"{prefix}:{nameof(OsName)} must be one of Adobe's: {string.Join(", ", OsNames)}.", [$"{prefix}:{nameof(OsName)}"]);
        }
        if (!string.IsNullOrWhiteSpace(PrimaryHardwareType) && !HardwareTypes.Contains(PrimaryHardwareType, StringComparer.Ordinal))
        {
            yield return new ValidationResult($"{prefix}:{nameof(PrimaryHardwareType)} must be empty or one of Adobe's: {string.Join(", ", HardwareTypes)}.",
                [$"{prefix}:{nameof(PrimaryHardwareType)}"]);
        }
    }
}
