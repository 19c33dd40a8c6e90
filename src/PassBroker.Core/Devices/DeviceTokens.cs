using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace PassBroker.Core.Devices;

/// <summary>
/// Device tokens: <c>pbd1.{deviceKey}.{secret}</c>. The key part lets PassBroker find the device with one point read;
/// the 256-bit random secret is stored only as its SHA-256, and compared in fixed time.
/// </summary>
public static class DeviceTokens
{
    private const string Prefix = "pbd1";
    private const int SecretBytes = 32;

    /// <summary>Creates a new token for the device and the hash to store.</summary>
    public static (string Token, string Hash) Issue(string deviceKey)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{Prefix}.{deviceKey}.{secret}", Hash(secret));
    }

    /// <summary>Splits a presented token; false when it is not shaped like one of ours.</summary>
    public static bool TryParse(string? token, out string deviceKey, out string secret)
    {
        deviceKey = secret = "";
        var parts = token?.Split('.');
        if (parts is not [Prefix, var key, var s] || !DeviceKeys.IsWellFormed(key) || s.Length != 43)
        {
            return false;
        }
        (deviceKey, secret) = (key, s);
        return true;
    }

    /// <summary>Whether the secret hashes to the stored hash, compared in fixed time.</summary>
    public static bool Matches(string secret, string storedHash)
    {
        // On the stack: every request checks its token (a secret is 43 characters; a longer string takes the heap).
        var maxBytes = Encoding.UTF8.GetMaxByteCount(secret.Length);
        Span<byte> bytes = maxBytes <= 256 ? stackalloc byte[256] : new byte[maxBytes];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<char> hex = stackalloc char[SHA256.HashSizeInBytes * 2];
        SHA256.HashData(bytes[..Encoding.UTF8.GetBytes(secret, bytes)], hash);
        Convert.TryToHexStringLower(hash, hex, out _);
        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(hex), MemoryMarshal.AsBytes(storedHash.AsSpan()));
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
