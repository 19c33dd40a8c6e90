using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace PassBroker.Emulator.Infrastructure;

/// <summary>
/// Parses <c>AP-Device-Identifier</c> and <c>X-Device-Info</c> (adobe-pass-v2.md sections 2.2 and 2.3).
/// Lenient on input: any case for <c>fingerprint</c>, missing padding, URL-safe Base64, any set of device keys.
/// <see cref="RequiredHeadersMiddleware"/> applies them to the routes whose page requires the headers.
/// </summary>
internal static class DeviceHeaders
{
    private const string FingerprintType = "fingerprint";

    /// <summary>Reads <c>fingerprint &lt;Base64&gt;</c>; the decoded id is what profiles and sessions are bound to.</summary>
    public static bool TryParseDeviceIdentifier(string? header, [NotNullWhen(true)] out string? deviceId)
    {
        deviceId = null;
        var parts = header?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts is not [var type, var identifier] || !type.Equals(FingerprintType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!TryDecodeBase64(identifier, out var bytes) || bytes.Length == 0)
        {
            return false;
        }

        deviceId = Encoding.UTF8.GetString(bytes);
        return !string.IsNullOrWhiteSpace(deviceId);
    }

    /// <summary>Reads Base64 JSON; the object comes back detached from its document, so it can be stored.</summary>
    public static bool TryParseDeviceInfo(string? header, out JsonElement deviceInfo)
    {
        deviceInfo = default;
        if (string.IsNullOrWhiteSpace(header) || !TryDecodeBase64(header.Trim(), out var bytes))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            deviceInfo = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static bool TryDecodeBase64(string value, out byte[] bytes)
    {
        // Either alphabet, padded or not: the standard alphabet's two differing characters become the URL-safe ones,
        // and Base64Url takes the padding as optional.
        var urlSafe = value.Replace('+', '-').Replace('/', '_');
        var valid = Base64Url.IsValid(urlSafe);
        bytes = valid ? Base64Url.DecodeFromChars(urlSafe) : [];
        return valid;
    }
}
