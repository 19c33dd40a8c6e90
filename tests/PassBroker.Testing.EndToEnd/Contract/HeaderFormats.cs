using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PassBroker.Testing.EndToEnd.Contract;

/// <summary>
/// The documented formats of Adobe's request headers (adobe-pass-v2.md section 2 and the header appendix pages). Each
/// check returns the problems it found; none means well-formed. Base64 is the standard alphabet, padded (section 2).
/// </summary>
public static partial class HeaderFormats
{
    private static readonly string[] DeviceInfoRequired = ["model", "version", "osName", "osVersion", "connectionType"];

    // The "Restricted" column of rest-api-v2-appendix-headers-x-device-info.md.
    private static readonly Dictionary<string, string[]> DeviceInfoRestricted = new()
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

    /// <summary><c>Authorization: Bearer &lt;access token&gt;</c>.</summary>
    public static IEnumerable<string> Authorization(string value) =>
        BearerToken().IsMatch(value) ? [] : ["is not 'Bearer <access token>'"];

    /// <summary><c>AP-Device-Identifier: fingerprint &lt;Base64 of the device id&gt;</c>, the only documented type.</summary>
    public static IEnumerable<string> DeviceIdentifier(string value)
    {
        var parts = value.Split(' ');
        if (parts is not ["fingerprint", var identifier])
        {
            return ["is not 'fingerprint <Base64 device id>'"];
        }

        return Base64Text(identifier) is { Length: > 0 } ? [] : ["does not carry the standard, padded Base64 of a device id"];
    }

    /// <summary><c>X-Device-Info</c>: Base64 of a JSON object with the required keys, restricted keys holding listed values.</summary>
    public static IEnumerable<string> DeviceInfo(string value)
    {
        if (Base64Text(value) is not { } json || Parse(json) is not { ValueKind: JsonValueKind.Object } info)
        {
            return ["is not the standard, padded Base64 of a JSON object"];
        }

        return DeviceInfoRequired.Where(key => !IsText(info, key)).Select(key => $"lacks the required '{key}'")
            .Concat(DeviceInfoRestricted.Where(r => info.TryGetProperty(r.Key, out _) && !(IsText(info, r.Key) && r.Value.Contains(info.GetProperty(r.Key).GetString())))
                .Select(r => $"'{r.Key}' is '{info.GetProperty(r.Key)}', not one of the page's values"))
            .Concat(info.TryGetProperty("connectionSecure", out var secure) && secure.ValueKind is not (JsonValueKind.True or JsonValueKind.False)
                ? ["'connectionSecure' is not true or false"] : []);
    }

    /// <summary><c>X-Forwarded-For</c>: the streaming device's IP, one address without a port (the S2S examples).</summary>
    public static IEnumerable<string> ForwardedFor(string value) =>
        IPAddress.TryParse(value, out var ip) && ip.ToString() == value ? [] : ["is not a single IP address"];

    /// <summary><c>AP-TempPass-Identity</c>: Base64 of a JSON object holding the configured key and its non-empty value.</summary>
    public static IEnumerable<string> TempPassIdentity(string value) =>
        Base64Text(value) is { } json && Parse(json) is { ValueKind: JsonValueKind.Object } identity
        && identity.EnumerateObject().Count() == 1 && identity.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Length > 0)
            ? []
            : ["is not the Base64 of a JSON object with one non-empty identifier"];

    /// <summary><c>Accept</c>, when sent: <c>application/json</c>, with or without <c>;charset=utf-8</c> (the pages differ).</summary>
    public static IEnumerable<string> Accept(string value) =>
        MediaType(value) == "application/json" ? [] : ["is not application/json"];

    /// <summary>A <c>Content-Type</c>'s media type, without parameters, in lower case.</summary>
    public static string MediaType(string value) => value.Split(';')[0].Trim().ToLowerInvariant();

    private static string? Base64Text(string value)
    {
        if (value.Length == 0 || value.Length % 4 != 0 || !StandardBase64().IsMatch(value))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(value));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static JsonElement? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsText(JsonElement info, string key) =>
        info.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());

    [GeneratedRegex("^Bearer [^ ]+$")]
    private static partial Regex BearerToken();

    [GeneratedRegex("^[A-Za-z0-9+/]+={0,2}$")]
    private static partial Regex StandardBase64();
}
