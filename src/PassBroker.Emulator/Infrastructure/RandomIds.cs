using System.Buffers.Text;
using System.Security.Cryptography;

namespace PassBroker.Emulator.Infrastructure;

/// <summary>Unguessable identifiers; the emulator hands out nothing a client could predict.</summary>
internal static class RandomIds
{
    // Upper-case alphanumerics without 0/O and 1/I, which users mistype when they copy a code from a TV.
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 7;

    public static string NewCode() => new(RandomNumberGenerator.GetItems<char>(CodeAlphabet, CodeLength));

    public static string NewOpaqueId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
