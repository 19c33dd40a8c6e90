namespace PassBroker.Core.Devices;

/// <summary>
/// The X-Device-Info keys whose values Adobe restricts to a fixed list (the "Restricted" column of Adobe's
/// X-Device-Info header page; adobe-pass-v2.md section 2.3). Adobe picks the platform, and MVPDs their rules, from
/// these values, so a value off the list is refused here with the list rather than sent upstream.
/// </summary>
public static class DeviceInfoValues
{
    public static IReadOnlyDictionary<string, string[]> Restricted { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["primaryHardwareType"] =
        [
            "Camera", "DataCollectionTerminal", "Desktop", "EmbeddedNetworkModule", "eReader", "GamesConsole", "GeolocationTracker", "Glasses",
            "MediaPlayer", "MobilePhone", "PaymentTerminal", "PluginModem", "SetTopBox", "TV", "Tablet", "WirelessHotspot", "Wristwatch", "Unknown",
        ],
        ["osName"] = ["Android", "Chrome OS", "Linux", "Mac OS", "OS X", "OpenBSD", "Roku OS", "Windows", "iOS", "tvOS", "webOS"],
        ["osFamily"] = ["Android", "BSD", "Linux", "PlayStation OS", "Roku OS", "Symbian", "Tizen", "Windows", "iOS", "tvOS", "macOS", "webOS"],
        ["osVendor"] = ["Amazon", "Apple", "Google", "LG", "Microsoft", "Mozilla", "Nintendo", "Nokia", "Roku", "Samsung", "Sony", "Tizen Project"],
        ["browserName"] = ["Android Browser", "Chrome", "Edge", "Firefox", "Internet Explorer", "Opera", "Safari", "SeaMonkey", "Symbian Browser"],
        ["browserVendor"] = ["Amazon", "Apple", "Google", "Microsoft", "Motorola", "Mozilla", "Netscape", "Nintendo", "Nokia", "Samsung", "Sony Ericsson"],
    };
}
