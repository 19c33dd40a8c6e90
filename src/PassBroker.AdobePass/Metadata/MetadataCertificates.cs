using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using PassBroker.AdobePass.Brands;
using PassBroker.Core.Secrets;

namespace PassBroker.AdobePass.Metadata;

/// <summary>
/// The primary and backup metadata certificates (the TVE Dashboard holds both, so a rotation never strands a value),
/// read from the secret store on every call (the store caches) and parsed again only when a secret's value changes.
/// A Key Vault certificate is read as the secret of the same name: Base64 PKCS#12, or PEM when the certificate was
/// created with the PEM content type. Its key must be exportable, or Key Vault hands out no private key. Each brand names
/// its own secrets (each service provider registers its own certificates); parsed certificates are kept by secret name,
/// so brands that share a secret share one parsed copy and brands with their own never see each other's.
/// </summary>
internal sealed class MetadataCertificates(ISecretStore secrets, BrandedAdobePassOptions options, ILogger<MetadataCertificates> logger)
{
    private readonly ConcurrentDictionary<string, Parsed> _parsed = new(StringComparer.Ordinal);

    /// <param name="brand">The brand's key.</param>
    public IReadOnlyList<string> SecretNames(string brand)
    {
        var own = options.For(brand);
        return new[] { own.MetadataCertificateSecret, own.MetadataBackupCertificateSecret }
            .Where(name => !string.IsNullOrEmpty(name)).Cast<string>().ToList();
    }

    /// <summary>The brand's certificates that could be read, primary first; <paramref name="problems"/> says what was skipped.</summary>
    /// <param name="brand">The brand's key: whose secrets to read.</param>
    /// <param name="problems">One line per configured secret that is missing or not a usable certificate.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public async Task<IReadOnlyList<MetadataCertificate>> GetAsync(string brand, List<string> problems, CancellationToken cancellationToken)
    {
        var certificates = new List<MetadataCertificate>(2);
        foreach (var name in SecretNames(brand))
        {
            var value = await secrets.GetAsync(name, cancellationToken);
            if (value is null)
            {
                problems.Add($"secret '{name}' does not exist");
                continue;
            }
            var parsed = Parse(name, value);
            if (parsed.Certificate is { } certificate)
            {
                certificates.Add(certificate);
            }
            else
            {
                problems.Add(parsed.Problem!);
            }
        }
        return certificates;
    }

    private Parsed Parse(string name, string value)
    {
        // The store hands back the same cached string until the secret changes: usually a reference comparison.
        if (_parsed.TryGetValue(name, out var known) && string.Equals(known.Value, value, StringComparison.Ordinal))
        {
            return known;
        }
        var parsed = Load(name, value);
        _parsed[name] = parsed;
        if (parsed.Certificate is { } certificate)
        {
            logger.MetadataCertificateLoaded(name, certificate.Thumbprint);
        }
        else
        {
            logger.MetadataCertificateUnusable(parsed.Problem!);
        }
        return parsed;
    }

    private static Parsed Load(string name, string value)
    {
        try
        {
            using var certificate = value.Contains("-----BEGIN", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(value, value) // the certificate and its key, both in the one text
                : X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(value.Trim()), password: null, X509KeyStorageFlags.EphemeralKeySet);
            var key = certificate.GetRSAPrivateKey();
            return key is null
                ? new Parsed(value, null, $"secret '{name}' (certificate {certificate.Thumbprint}) holds no RSA private key; make the key exportable")
                : new Parsed(value, new MetadataCertificate(name, certificate.Thumbprint, key), null);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            // The exception's own text may quote the input; only its type is kept.
            return new Parsed(value, null, $"secret '{name}' is not a PKCS#12 (Base64) or PEM certificate with its private key ({e.GetType().Name})");
        }
    }

    private sealed record Parsed(string Value, MetadataCertificate? Certificate, string? Problem);
}
