using System.Buffers.Text;
using System.Text.Json;
using PassBroker.Emulator.Profiles.Encryption;
using PassBroker.Testing.Hosting;

namespace PassBroker.Emulator.Tests;

/// <summary>The emulator's side of encrypted user metadata: what it sends. PassBroker's e2e tests decrypt it.</summary>
public sealed class MetadataEncryptionTests
{
    private static readonly Dictionary<string, object> Attributes = new() { ["zip"] = new[] { "10001" }, ["userID"] = "u-1" };

    [Theory]
    [InlineData("RSA-OAEP", "A128GCM", 12, 16)]
    [InlineData("RSA-OAEP-256", "A256GCM", 12, 16)]
    [InlineData("RSA-OAEP-256", "A128CBC-HS256", 16, 16)]
    [InlineData("RSA-OAEP", "A256CBC-HS512", 16, 32)]
    public void Jwe_OnlyTheConfiguredAttribute_FiveParts_HeaderNamesTheAlgorithms(string alg, string enc, int ivBytes, int tagBytes)
    {
        var encrypted = Encryptor(MetadataEncryptionFormat.Jwe, alg, enc).Apply(Attributes);

        Assert.Equal("u-1", encrypted["userID"]);
        var parts = Assert.IsType<EncryptedValue>(encrypted["zip"]).Text.Split('.');
        Assert.Equal(5, parts.Length);
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement;
        Assert.Equal(alg, header.GetProperty("alg").GetString());
        Assert.Equal(enc, header.GetProperty("enc").GetString());
        Assert.Equal(TestCertificates.Primary.Thumbprint, header.GetProperty("kid").GetString());
        Assert.Equal(256, Base64Url.DecodeFromChars(parts[1]).Length); // RSA-2048 wrapped key
        Assert.Equal(ivBytes, Base64Url.DecodeFromChars(parts[2]).Length);
        Assert.Equal(tagBytes, Base64Url.DecodeFromChars(parts[4]).Length);
    }

    [Fact]
    public void Rsa_Base64OfOneRsaBlock()
    {
        var encrypted = Encryptor(MetadataEncryptionFormat.Rsa, "RSA-OAEP", "A256GCM").Apply(Attributes);

        Assert.Equal(256, Convert.FromBase64String(Assert.IsType<EncryptedValue>(encrypted["zip"]).Text).Length);
    }

    [Fact]
    public void NoCertificate_NothingEncrypted()
    {
        Assert.Same(Attributes, new MetadataEncryptor(new MetadataEncryptionOptions()).Apply(Attributes));
    }

    [Fact]
    public void Validate_UnusableSettings_NameEachProblem()
    {
        var options = new EmulatorOptions();
        options.MetadataEncryption.Certificate = "not a certificate";
        options.MetadataEncryption.KeyAlgorithm = "RSA1_5";
        options.MetadataEncryption.ContentEncryption = "A128CBC";

        var failures = new EmulatorOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains("Emulator:MetadataEncryption:Certificate is neither PEM nor Base64 DER.", failures);
        Assert.Contains("Emulator:MetadataEncryption:KeyAlgorithm must be RSA-OAEP or RSA-OAEP-256.", failures);
        Assert.Contains(failures, f => f.StartsWith("Emulator:MetadataEncryption:ContentEncryption must be one of", StringComparison.Ordinal));
    }

    private static MetadataEncryptor Encryptor(MetadataEncryptionFormat format, string alg, string enc)
    {
        var options = new MetadataEncryptionOptions
        {
            Certificate = TestCertificates.Primary.PublicPem,
            Format = format,
            KeyAlgorithm = alg,
            ContentEncryption = enc,
        };
        return new MetadataEncryptor(options);
    }
}
