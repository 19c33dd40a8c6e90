using System.Security.Cryptography;
using System.Text;

namespace PassBroker.Core.Devices;

/// <summary>
/// Derives PassBroker's device key from the device id. The key is a hash, so it is safe in table keys, URLs and logs
/// whatever the app sent as id, and it names the device without revealing the id.
/// </summary>
public static class DeviceKeys
{
    /// <summary>Hex length of a device key: 128 bits of SHA-256, plenty against collisions between devices.</summary>
    public const int Length = 32;

    public static string FromDeviceId(string deviceId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(deviceId), hash);
        return Convert.ToHexStringLower(hash[..(Length / 2)]);
    }

    public static bool IsWellFormed(string? key) =>
        key is { Length: Length } && key.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
}
