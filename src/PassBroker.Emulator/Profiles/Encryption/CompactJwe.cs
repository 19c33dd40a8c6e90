using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PassBroker.Emulator.Profiles.Encryption;

/// <summary>
/// JWE compact serialization (RFC 7516) built from .NET primitives: RSA-OAEP or RSA-OAEP-256 key transport, AES-GCM or
/// AES-CBC with HMAC-SHA2 (RFC 7518 section 5.2) content encryption. Written here rather than taken from a JOSE library
/// so PassBroker's decryption (jose-jwt) is checked against an independent encoder, as it would be against Adobe's.
/// </summary>
internal static class CompactJwe
{
    public static readonly IReadOnlyList<string> ContentEncryptions =
        ["A128GCM", "A192GCM", "A256GCM", "A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512"];

    public static string Encrypt(string plaintext, RSA publicKey, string keyAlgorithm, string contentEncryption, string? keyId)
    {
        var header = new Dictionary<string, string> { ["alg"] = keyAlgorithm, ["enc"] = contentEncryption };
        if (keyId is not null)
        {
            header["kid"] = keyId;
        }
        var encodedHeader = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header));
        var aad = Encoding.ASCII.GetBytes(encodedHeader);
        var plain = Encoding.UTF8.GetBytes(plaintext);

        var cek = RandomNumberGenerator.GetBytes(ContentKeySize(contentEncryption));
        var encryptedKey = publicKey.Encrypt(cek, OaepPadding(keyAlgorithm));
        var (iv, cipher, tag) = contentEncryption.Contains("GCM", StringComparison.Ordinal)
            ? EncryptGcm(cek, plain, aad)
            : EncryptCbcHmac(cek, plain, aad, contentEncryption);

        return string.Join('.', encodedHeader, Base64Url.EncodeToString(encryptedKey), Base64Url.EncodeToString(iv),
            Base64Url.EncodeToString(cipher), Base64Url.EncodeToString(tag));
    }

    public static RSAEncryptionPadding OaepPadding(string keyAlgorithm) => keyAlgorithm switch
    {
        "RSA-OAEP" => RSAEncryptionPadding.OaepSHA1,
        "RSA-OAEP-256" => RSAEncryptionPadding.OaepSHA256,
        _ => throw new ArgumentException($"Unsupported key algorithm '{keyAlgorithm}'.", nameof(keyAlgorithm)),
    };

    // GCM keys are 128/192/256 bits; CBC-HMAC keys are twice that (MAC key, then encryption key).
    private static int ContentKeySize(string enc) => enc switch
    {
        "A128GCM" => 16,
        "A192GCM" => 24,
        "A256GCM" => 32,
        "A128CBC-HS256" => 32,
        "A192CBC-HS384" => 48,
        "A256CBC-HS512" => 64,
        _ => throw new ArgumentException($"Unsupported content encryption '{enc}'.", nameof(enc)),
    };

    private static (byte[] Iv, byte[] Cipher, byte[] Tag) EncryptGcm(byte[] key, byte[] plain, byte[] aad)
    {
        var iv = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(key, tag.Length);
        aes.Encrypt(iv, plain, cipher, tag, aad);
        return (iv, cipher, tag);
    }

    private static (byte[] Iv, byte[] Cipher, byte[] Tag) EncryptCbcHmac(byte[] key, byte[] plain, byte[] aad, string enc)
    {
        var half = key.Length / 2;
        var iv = RandomNumberGenerator.GetBytes(16);
        using var aes = Aes.Create();
        aes.Key = key[half..];
        var cipher = aes.EncryptCbc(plain, iv, PaddingMode.PKCS7);

        // Tag = first half of HMAC(MAC key, AAD || IV || ciphertext || AAD length in bits as 64-bit big-endian).
        var al = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(al, (ulong)aad.Length * 8);
        byte[] macInput = [.. aad, .. iv, .. cipher, .. al];
        var mac = enc switch
        {
            "A128CBC-HS256" => HMACSHA256.HashData(key[..half], macInput),
            "A192CBC-HS384" => HMACSHA384.HashData(key[..half], macInput),
            _ => HMACSHA512.HashData(key[..half], macInput),
        };
        return (iv, cipher, mac[..half]);
    }
}
