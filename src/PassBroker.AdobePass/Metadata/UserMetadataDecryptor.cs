using System.Security.Cryptography;
using Jose;
using PassBroker.Core.Profiles;

namespace PassBroker.AdobePass.Metadata;

/// <summary>
/// Opens <c>enc</c> user metadata. Adobe's V2 pages do not say how values are encrypted (adobe-pass-v2.md sections 5.1
/// and 10, question 15): the SDK docs say JWE, the V1 REST docs say Base64 of RSA. A value with the five parts of a JWE
/// compact serialization is read as JWE (<see cref="JweValue"/>); anything else as Base64 RSA (<see cref="RsaValue"/>).
/// Only the device's brand's certificates are tried, each in turn, primary first, so values sealed for the backup still open during a rotation.
/// </summary>
internal sealed class UserMetadataDecryptor(MetadataCertificates certificates) : IUserMetadataDecryptor
{
    public async Task<string> DecryptAsync(string brand, string encrypted, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var available = await certificates.GetAsync(brand, problems, cancellationToken);
        if (available.Count == 0)
        {
            throw new MetadataDecryptionException(
                $"No metadata certificate is available to decrypt user metadata: {string.Join("; ", problems)}.");
        }

        var isJwe = JweValue.IsCompact(encrypted);
        var algorithms = isJwe ? JweValue.Algorithms(encrypted) : default;
        foreach (var certificate in available)
        {
            try
            {
                return isJwe ? JweValue.Decrypt(encrypted, certificate.PrivateKey, algorithms) : RsaValue.Decrypt(encrypted, certificate.PrivateKey);
            }
            catch (Exception e) when (e is CryptographicException or JoseException or FormatException or ArgumentException)
            {
                problems.Add($"certificate {certificate.Thumbprint} (secret '{certificate.SecretName}') does not open it");
            }
        }
        throw new MetadataDecryptionException(
            $"The {(isJwe ? "JWE" : "Base64 RSA")} value was encrypted for another certificate, or altered: {string.Join("; ", problems)}.");
    }
}
