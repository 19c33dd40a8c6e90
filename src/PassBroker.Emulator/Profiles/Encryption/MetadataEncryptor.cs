using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace PassBroker.Emulator.Profiles.Encryption;

/// <summary>
/// Encrypts the configured attributes of a new profile for one service provider's certificate, once, at login (as Adobe
/// hands out the same profile on every read). The plaintext is the attribute's JSON (<c>["10001"]</c> for a zip list).
/// </summary>
internal sealed class MetadataEncryptor
{
    private readonly MetadataEncryptionOptions _options;
    private readonly IReadOnlySet<string> _attributes;
    private readonly RSA? _publicKey;
    private readonly string? _keyId;

    public MetadataEncryptor(MetadataEncryptionOptions options)
    {
        _options = options;
        _attributes = _options.AttributeNames;
        if (LoadCertificate(_options.Certificate) is { } certificate)
        {
            using (certificate)
            {
                _publicKey = certificate.GetRSAPublicKey();
                _keyId = certificate.Thumbprint;
            }
        }
    }

    public IReadOnlyDictionary<string, object> Apply(IReadOnlyDictionary<string, object> attributes)
    {
        if (_publicKey is null)
        {
            return attributes;
        }
        return attributes.ToDictionary(
            pair => pair.Key,
            pair => _attributes.Contains(pair.Key) ? new EncryptedValue(Encrypt(JsonSerializer.Serialize(pair.Value))) : pair.Value,
            StringComparer.Ordinal);
    }

    private string Encrypt(string plaintext) => _options.Format == MetadataEncryptionFormat.Jwe
        ? CompactJwe.Encrypt(plaintext, _publicKey!, _options.KeyAlgorithm, _options.ContentEncryption, _keyId)
        : Convert.ToBase64String(_publicKey!.Encrypt(System.Text.Encoding.UTF8.GetBytes(plaintext), CompactJwe.OaepPadding(_options.KeyAlgorithm)));

    /// <summary>The certificate from PEM or Base64 DER; null when none is configured. Throws when it cannot be read.</summary>
    /// <param name="configured">The configured text.</param>
    public static X509Certificate2? LoadCertificate(string? configured) => string.IsNullOrWhiteSpace(configured)
        ? null
        : configured.Contains("-----BEGIN", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPem(configured)
            : X509CertificateLoader.LoadCertificate(Convert.FromBase64String(configured.Trim()));
}
