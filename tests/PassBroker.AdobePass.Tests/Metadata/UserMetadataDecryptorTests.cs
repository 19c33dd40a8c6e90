using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Jose;
using Microsoft.Extensions.Logging.Abstractions;
using PassBroker.AdobePass.Metadata;
using PassBroker.AdobePass.Tests.Brands;
using PassBroker.Core.Brands;
using PassBroker.Core.Profiles;
using PassBroker.TestHelpers.Fakes;
using PassBroker.Testing.Hosting;

namespace PassBroker.AdobePass.Tests.Metadata;

public sealed class UserMetadataDecryptorTests
{
    private const string Zip = """["10001","10002"]""";
    private readonly InMemorySecretStore _secrets = new InMemorySecretStore()
        .Set("metadata-certificate", TestCertificates.Primary.Pkcs12Base64)
        .Set("metadata-certificate-backup", TestCertificates.Backup.Pkcs12Base64);

    public static TheoryData<JweAlgorithm, JweEncryption> AcceptedJwe()
    {
        var data = new TheoryData<JweAlgorithm, JweEncryption>();
        foreach (var alg in new[] { JweAlgorithm.RSA_OAEP, JweAlgorithm.RSA_OAEP_256 })
        {
            foreach (var enc in new[] { JweEncryption.A128GCM, JweEncryption.A192GCM, JweEncryption.A256GCM,
                JweEncryption.A128CBC_HS256, JweEncryption.A192CBC_HS384, JweEncryption.A256CBC_HS512 })
            {
                data.Add(alg, enc);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AcceptedJwe))]
    public async Task DecryptAsync_JweWithAnAcceptedAlgorithm_ReturnsThePlaintext(JweAlgorithm alg, JweEncryption enc)
    {
        var token = JWT.Encode(Zip, PublicKey(TestCertificates.Primary), alg, enc);

        Assert.Equal(Zip, await Decryptor().DecryptAsync(BrandKeys.Default, token, CancellationToken.None));
    }

    [Theory]
    [InlineData("SHA1")]
    [InlineData("SHA256")]
    public async Task DecryptAsync_Base64RsaOaep_ReturnsThePlaintext(string hash)
    {
        var value = RawRsa(TestCertificates.Primary, hash, "10001");

        Assert.Equal("10001", await Decryptor().DecryptAsync(BrandKeys.Default, value, CancellationToken.None));
    }

    [Fact]
    public async Task DecryptAsync_EncryptedForTheBackupCertificate_Opens()
    {
        var token = JWT.Encode(Zip, PublicKey(TestCertificates.Backup), JweAlgorithm.RSA_OAEP_256, JweEncryption.A256GCM);

        Assert.Equal(Zip, await Decryptor().DecryptAsync(BrandKeys.Default, token, CancellationToken.None));
    }

    [Fact]
    public async Task DecryptAsync_CertificateRotatedInTheStore_UsesTheNewOne()
    {
        var decryptor = Decryptor();
        var forStranger = JWT.Encode(Zip, PublicKey(TestCertificates.Stranger), JweAlgorithm.RSA_OAEP, JweEncryption.A128GCM);
        await Assert.ThrowsAsync<MetadataDecryptionException>(() => decryptor.DecryptAsync(BrandKeys.Default, forStranger, CancellationToken.None));

        _secrets.Set("metadata-certificate", TestCertificates.Stranger.Pkcs12Base64);

        Assert.Equal(Zip, await decryptor.DecryptAsync(BrandKeys.Default, forStranger, CancellationToken.None));
    }

    [Fact]
    public async Task DecryptAsync_PemCertificateWithKey_Opens()
    {
        _secrets.Set("metadata-certificate", TestCertificates.Primary.PrivatePem()).Set("metadata-certificate-backup", null);
        var token = JWT.Encode(Zip, PublicKey(TestCertificates.Primary), JweAlgorithm.RSA_OAEP_256, JweEncryption.A128CBC_HS256);

        Assert.Equal(Zip, await Decryptor().DecryptAsync(BrandKeys.Default, token, CancellationToken.None));
    }

    [Fact]
    public async Task DecryptAsync_JweForAnotherCertificate_ClearErrorNamingBothCertificates()
    {
        var token = JWT.Encode(Zip, PublicKey(TestCertificates.Stranger), JweAlgorithm.RSA_OAEP_256, JweEncryption.A256GCM);

        var error = await Assert.ThrowsAsync<MetadataDecryptionException>(() => Decryptor().DecryptAsync(BrandKeys.Default, token, CancellationToken.None));

        Assert.Contains("encrypted for another certificate", error.Message);
        Assert.Contains(TestCertificates.Primary.Thumbprint, error.Message);
        Assert.Contains(TestCertificates.Backup.Thumbprint, error.Message);
        Assert.DoesNotContain(token, error.Message);
    }

    [Theory]
    [InlineData("SHA1")]
    [InlineData("SHA256")]
    public async Task DecryptAsync_RsaValueForAnotherCertificate_ErrorNotGarbage(string hash)
    {
        var value = RawRsa(TestCertificates.Stranger, hash, "10001");

        var error = await Assert.ThrowsAsync<MetadataDecryptionException>(() => Decryptor().DecryptAsync(BrandKeys.Default, value, CancellationToken.None));

        Assert.Contains("Base64 RSA", error.Message);
    }

    [Fact]
    public async Task DecryptAsync_AlteredJweCiphertext_Fails()
    {
        var parts = JWT.Encode(Zip, PublicKey(TestCertificates.Primary), JweAlgorithm.RSA_OAEP_256, JweEncryption.A256GCM).Split('.');
        var cipher = Base64Url.Decode(parts[3]);
        cipher[0] ^= 1;
        parts[3] = Base64Url.Encode(cipher);

        await Assert.ThrowsAsync<MetadataDecryptionException>(() => Decryptor().DecryptAsync(BrandKeys.Default, string.Join('.', parts), CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"alg":"RSA1_5","enc":"A128CBC-HS256"}""")]
    [InlineData("""{"alg":"dir","enc":"A256GCM"}""")]
    [InlineData("""{"alg":"RSA-OAEP","enc":"none"}""")]
    [InlineData("""{"alg":"RSA-OAEP"}""")]
    public async Task DecryptAsync_JweWithAnAlgorithmNotAccepted_RefusedNamingTheAccepted(string header)
    {
        var token = Base64Url.Encode(Encoding.UTF8.GetBytes(header)) + ".AAAA.AAAA.AAAA.AAAA";

        var error = await Assert.ThrowsAsync<MetadataDecryptionException>(() => Decryptor().DecryptAsync(BrandKeys.Default, token, CancellationToken.None));

        Assert.Contains("is not accepted", error.Message);
        Assert.Contains("RSA-OAEP-256", error.Message);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("a.b.c.d.e")]
    public async Task DecryptAsync_Malformed_ClearError(string value)
    {
        await Assert.ThrowsAsync<MetadataDecryptionException>(() => Decryptor().DecryptAsync(BrandKeys.Default, value, CancellationToken.None));
    }

    [Fact]
    public async Task DecryptAsync_NoCertificateConfigured_SaysWhichSecretsAreMissing()
    {
        _secrets.Set("metadata-certificate", null).Set("metadata-certificate-backup", null);

        var error = await Assert.ThrowsAsync<MetadataDecryptionException>(() => Decryptor().DecryptAsync(BrandKeys.Default, "AAAA", CancellationToken.None));

        Assert.Contains("secret 'metadata-certificate' does not exist", error.Message);
        Assert.Contains("secret 'metadata-certificate-backup' does not exist", error.Message);
    }

    [Fact]
    public async Task DecryptAsync_SecretIsNotACertificateWithKey_SaysSoAndUsesTheOther()
    {
        // The public certificate only (what was uploaded to Adobe) stored by mistake as the primary.
        _secrets.Set("metadata-certificate", TestCertificates.Primary.PublicDerBase64);
        var token = JWT.Encode(Zip, PublicKey(TestCertificates.Primary), JweAlgorithm.RSA_OAEP, JweEncryption.A256GCM);

        var error = await Assert.ThrowsAsync<MetadataDecryptionException>(() => Decryptor().DecryptAsync(BrandKeys.Default, token, CancellationToken.None));
        Assert.Contains("secret 'metadata-certificate' is not a PKCS#12 (Base64) or PEM certificate with its private key", error.Message);

        var forBackup = JWT.Encode(Zip, PublicKey(TestCertificates.Backup), JweAlgorithm.RSA_OAEP, JweEncryption.A256GCM);
        Assert.Equal(Zip, await Decryptor().DecryptAsync(BrandKeys.Default, forBackup, CancellationToken.None));
    }

    [Fact]
    public async Task DecryptAsync_ForABrand_UsesOnlyThatBrandsCertificates()
    {
        _secrets.Set("sports-metadata", TestCertificates.Backup.Pkcs12Base64);
        var decryptor = Decryptor(new()
        {
            ["Brands:sports:AdobePass:ServiceProvider"] = "REF31",
            ["Brands:sports:AdobePass:MetadataCertificateSecret"] = "sports-metadata",
            ["Brands:sports:AdobePass:MetadataBackupCertificateSecret"] = "",
        });
        var forDefault = JWT.Encode(Zip, PublicKey(TestCertificates.Primary), JweAlgorithm.RSA_OAEP, JweEncryption.A256GCM);
        var forSports = JWT.Encode(Zip, PublicKey(TestCertificates.Backup), JweAlgorithm.RSA_OAEP, JweEncryption.A256GCM);

        Assert.Equal(Zip, await decryptor.DecryptAsync("sports", forSports, CancellationToken.None));
        Assert.Equal(Zip, await decryptor.DecryptAsync(BrandKeys.Default, forDefault, CancellationToken.None));
        // The default brand's primary certificate is not the sports brand's: its values stay closed there.
        var error = await Assert.ThrowsAsync<MetadataDecryptionException>(() => decryptor.DecryptAsync("sports", forDefault, CancellationToken.None));
        Assert.Contains("secret 'sports-metadata'", error.Message);
        Assert.DoesNotContain("secret 'metadata-certificate'", error.Message);
    }

    private UserMetadataDecryptor Decryptor(Dictionary<string, string?>? settings = null) =>
        new(new MetadataCertificates(_secrets, TestBrandedOptions.Create(settings), NullLogger<MetadataCertificates>.Instance));

    private static string RawRsa(TestCertificate certificate, string hash, string plaintext) => Convert.ToBase64String(
        PublicKey(certificate).Encrypt(Encoding.UTF8.GetBytes(plaintext), hash == "SHA1" ? RSAEncryptionPadding.OaepSHA1 : RSAEncryptionPadding.OaepSHA256));

    private static RSA PublicKey(TestCertificate certificate) =>
        X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificate.PublicDerBase64)).GetRSAPublicKey()!;
}
