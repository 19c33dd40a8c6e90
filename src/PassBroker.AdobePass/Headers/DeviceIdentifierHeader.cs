using System.Text;

namespace PassBroker.AdobePass.Headers;

/// <summary>
/// <c>AP-Device-Identifier: fingerprint &lt;Base64 of the device id&gt;</c> (adobe-pass-v2.md section 2.2).
/// Standard Base64 with padding: nothing in Adobe's docs mentions the URL-safe alphabet.
/// </summary>
public static class DeviceIdentifierHeader
{
    private const string Type = "fingerprint";

    public static string Encode(string deviceId) => $"{Type} {Convert.ToBase64String(Encoding.UTF8.GetBytes(deviceId))}";

    public static bool TryDecode(string? value, out string deviceId)
    {
        deviceId = "";
        if (value is null || !value.StartsWith(Type + " ", StringComparison.Ordinal))
        {
            return false;
        }
        var encoded = value.AsSpan(Type.Length + 1);
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var written) || written == 0)
        {
            return false;
        }
        try
        {
            deviceId = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
