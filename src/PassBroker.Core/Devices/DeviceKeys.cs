using System.Security.Cryptography;

namespace PassBroker.Core.Devices;

/// <summary>
/// PassBroker's key for a registered installation: 128 random bits as 32 lower-case hex digits, safe in table keys,
/// URLs and logs. It is not derived from the device id, so nobody can compute a device's key (and find its rows or
/// log lines) from the id; a keyed hash of the id would be recomputable by anyone holding the server key.
/// Devices registered before this change keep the key they were given then (a truncated SHA-256 of the device id),
/// because their installed apps' tokens embed it; it has the same shape.
/// </summary>
public static class DeviceKeys
{
    /// <summary>Hex length of a device key: 128 bits, plenty against collisions between devices.</summary>
    public const int Length = 32;

    /// <summary>A fresh key for a new installation.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    public static bool IsWellFormed(string? key) =>
        key is { Length: Length } && key.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
}
