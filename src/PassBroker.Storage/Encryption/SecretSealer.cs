using System.Security.Cryptography;
using System.Text;

namespace PassBroker.Storage.Encryption;

/// <summary>
/// Seals secrets with AES-256-GCM into <c>v1:{keyVersion}:{base64(nonce | ciphertext | tag)}</c>.
/// Nonces are random: at 96 bits that is safe for far more values than one key version will ever seal.
/// </summary>
internal sealed class SecretSealer(IDataKeyProvider keys)
{
    private const string Format = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public async ValueTask<string> SealAsync(string plaintext, SealingContext context, CancellationToken cancellationToken) =>
        Seal(plaintext, context, await keys.GetCurrentKeyAsync(cancellationToken));

    public async ValueTask<string> OpenAsync(string sealedValue, SealingContext context, CancellationToken cancellationToken)
    {
        var (version, encoded) = Parse(sealedValue, context);
        var key = await keys.GetKeyAsync(version, cancellationToken) ?? throw Rejected(context, $"its key version '{version}' is unknown");
        return Open(encoded, key, context);
    }

    /// <summary>The key version a sealed value names, or null when it is not a sealed value.</summary>
    /// <param name="sealedValue">A value as stored.</param>
    public static string? VersionOf(string sealedValue) =>
        sealedValue.Split(':') is [Format, var version, _] ? version : null;

    private static string Seal(string plaintext, SealingContext context, DataKey key)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Material.Span, TagSize))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length),
                context.ToAssociatedData());
        }
        CryptographicOperations.ZeroMemory(plain);
        return $"{Format}:{key.Version}:{Convert.ToBase64String(sealedBytes)}";
    }

    private static (string Version, string Encoded) Parse(string sealedValue, SealingContext context) =>
        sealedValue.Split(':') is [Format, var version, var encoded] ? (version, encoded) : throw Rejected(context, "it is not a v1 sealed value");

    private static string Open(string encoded, DataKey key, SealingContext context)
    {
        var sealedBytes = TryFromBase64(encoded);
        if (sealedBytes is null || sealedBytes.Length < NonceSize + TagSize)
        {
            throw Rejected(context, "it is malformed");
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key.Material.Span, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length),
                sealedBytes.AsSpan(NonceSize + plain.Length), plain, context.ToAssociatedData());
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw Rejected(context, "it was altered, moved from another row or column, or sealed with another key", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static byte[]? TryFromBase64(string encoded)
    {
        var buffer = new byte[encoded.Length * 3 / 4];
        return Convert.TryFromBase64String(encoded, buffer, out var written) ? buffer[..written] : null;
    }

    private static SealedValueException Rejected(SealingContext context, string reason, Exception? inner = null)
    {
        var message = $"The sealed {context.Property} of {context.Table} row '{context.PartitionKey}/{context.RowKey}' " +
            $"cannot be opened: {reason}.";
        return inner is null ? new SealedValueException(message) : new SealedValueException(message, inner);
    }
}
