using System.Security.Cryptography;

namespace PassBroker.AdobePass.Metadata;

/// <summary>One of the programmer's metadata certificates, as far as decryption needs it.</summary>
/// <param name="SecretName">The secret it was read from: named in errors and logs instead of any key material.</param>
/// <param name="Thumbprint">SHA-1 thumbprint, as the TVE Dashboard and Key Vault show it, to tell certificates apart.</param>
/// <param name="PrivateKey">The RSA private key that opens values encrypted for this certificate.</param>
internal sealed record MetadataCertificate(string SecretName, string Thumbprint, RSA PrivateKey);
