using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PassBroker.Testing.Hosting;

/// <summary>Metadata certificates made once per test run: as Key Vault hands them out, and as the TVE Dashboard gets them.</summary>
public static class TestCertificates
{
    public static TestCertificate Primary { get; } = TestCertificate.Create("primary");
    public static TestCertificate Backup { get; } = TestCertificate.Create("backup");

    /// <summary>A certificate Adobe never heard of.</summary>
    public static TestCertificate Stranger { get; } = TestCertificate.Create("stranger");
}

/// <param name="Pkcs12Base64">With the private key, as a Key Vault certificate's secret reads (no password).</param>
/// <param name="PublicDerBase64">The public certificate only, as uploaded to Adobe.</param>
/// <param name="PublicPem">The same, in PEM.</param>
/// <param name="Thumbprint">SHA-1 thumbprint.</param>
public sealed record TestCertificate(string Pkcs12Base64, string PublicDerBase64, string PublicPem, string Thumbprint)
{
    public static TestCertificate Create(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=PassBroker test metadata {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return new TestCertificate(
            Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12)),
            Convert.ToBase64String(certificate.RawData),
            certificate.ExportCertificatePem(),
            certificate.Thumbprint);
    }

    /// <summary>The private key in PEM next to the certificate, as a Key Vault PEM-content-type certificate reads.</summary>
    public string PrivatePem()
    {
        using var certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(Pkcs12Base64), null, X509KeyStorageFlags.Exportable);
        using var key = certificate.GetRSAPrivateKey()!;
        return key.ExportPkcs8PrivateKeyPem() + "\n" + PublicPem;
    }
}
