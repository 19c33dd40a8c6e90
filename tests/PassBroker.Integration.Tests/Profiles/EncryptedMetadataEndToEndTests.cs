using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Profiles;

/// <summary>
/// Encrypted user metadata end to end: the emulator encrypts alice's <c>zip</c> for the programmer's certificate with
/// its own JWE/RSA encoder; PassBroker opens it with the certificate from its secret store before answering the app.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EncryptedMetadataEndToEndTests(AzuriteFixture azurite)
{
    private const string AliceZip = "10001";

    public static TheoryData<string, string, string> Encodings() => new()
    {
        { "Jwe", "RSA-OAEP-256", "A256GCM" },
        { "Jwe", "RSA-OAEP", "A128GCM" },
        { "Jwe", "RSA-OAEP", "A128CBC-HS256" },
        { "Jwe", "RSA-OAEP-256", "A256CBC-HS512" },
        { "Rsa", "RSA-OAEP", "A256GCM" },
        { "Rsa", "RSA-OAEP-256", "A256GCM" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task SignedInApp_ReadsTheZipDecrypted_InTheSessionAndTheProfiles(string format, string keyAlgorithm, string content)
    {
        await using var app = await PassBrokerApplication.StartAsync(azurite,
            $"--Emulator:MetadataEncryption:Format={format}",
            $"--Emulator:MetadataEncryption:KeyAlgorithm={keyAlgorithm}",
            $"--Emulator:MetadataEncryption:ContentEncryption={content}");
        var (client, _, _) = await app.RegisterDeviceAsync("encrypted-zip-tv");

        // The status answer that notices the sign-in is the one that carries the profile (it is not kept for a second).
        var started = await (await client.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" })).Content.ReadFromJsonAsync<JsonElement>();
        await BrowserLogin.SignInAsync(started.GetProperty("loginUrl").GetString()!, "alice", "alice-pw");
        var waiting = client.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{started.GetProperty("code").GetString()}?wait=30");
        await app.AdvanceAsync(TimeSpan.FromSeconds(15));

        var status = await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        AssertDecryptedZip(status.GetProperty("profile").GetProperty("attributes"));
        var profiles = await client.GetFromJsonAsync<JsonElement>("/api/profiles");
        AssertDecryptedZip(Assert.Single(profiles.GetProperty("profiles").EnumerateArray()).GetProperty("attributes"));
    }

    [Fact]
    public async Task ZipEncryptedForTheBackupCertificate_StillOpens()
    {
        // Mid-rotation: a new primary is in the vault, Adobe still encrypts for the old one, now the backup.
        await using var app = await PassBrokerApplication.StartAsync(azurite,
            $"--Secrets:Values:metadata-certificate={TestCertificates.Stranger.Pkcs12Base64}",
            $"--Secrets:Values:metadata-certificate-backup={TestCertificates.Primary.Pkcs12Base64}");
        var (client, _, _) = await app.RegisterDeviceAsync("rotating-tv");
        await app.SignInAsync(client, "alice", "alice-pw");

        var profiles = await client.GetFromJsonAsync<JsonElement>("/api/profiles");

        AssertDecryptedZip(Assert.Single(profiles.GetProperty("profiles").EnumerateArray()).GetProperty("attributes"));
    }

    [Fact]
    public async Task NoCertificateOpensTheZip_ProfileStillServed_ZipMarkedNotGarbage()
    {
        await using var app = await PassBrokerApplication.StartAsync(azurite,
            $"--Secrets:Values:metadata-certificate={TestCertificates.Stranger.Pkcs12Base64}",
            $"--Secrets:Values:metadata-certificate-backup={TestCertificates.Backup.Pkcs12Base64}");
        var (client, _, _) = await app.RegisterDeviceAsync("wrong-cert-tv");
        await app.SignInAsync(client, "alice", "alice-pw");

        var profiles = await client.GetFromJsonAsync<JsonElement>("/api/profiles");

        var attributes = Assert.Single(profiles.GetProperty("profiles").EnumerateArray()).GetProperty("attributes");
        var zip = attributes.GetProperty("zip");
        Assert.Equal("enc", zip.GetProperty("state").GetString());
        Assert.Equal("decryption_failed", zip.GetProperty("error").GetString());
        Assert.Equal(5, zip.GetProperty("value").GetString()!.Split('.').Length);
        Assert.Equal("alice-0001", attributes.GetProperty("userID").GetProperty("value").GetString());
        Assert.Contains(app.Logs.Lines, line => line.Contains("Attribute zip of the ExampleCable profile stays encrypted", StringComparison.Ordinal)
            && line.Contains(TestCertificates.Stranger.Thumbprint, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecryptedZip_IsInNoTableRowAndNoLogLine()
    {
        await using var app = await PassBrokerApplication.StartAsync(azurite);
        var (client, _, _) = await app.RegisterDeviceAsync("private-zip-tv");
        await app.SignInAsync(client, "alice", "alice-pw");
        AssertDecryptedZip(Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/profiles")).GetProperty("profiles").EnumerateArray())
            .GetProperty("attributes"));

        // Profiles and sessions keep Adobe's encrypted form: the clear zip exists only in the answer to the device.
        foreach (var table in new[] { "profiles", "sessions" })
        {
            await foreach (var row in app.RawTable(table).QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                Assert.DoesNotContain(row, pair => pair.Value?.ToString()?.Contains(AliceZip, StringComparison.Ordinal) == true);
            }
        }
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(AliceZip, StringComparison.Ordinal));
    }

    private static void AssertDecryptedZip(JsonElement attributes)
    {
        var zip = attributes.GetProperty("zip");
        Assert.Equal("decrypted", zip.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Array, zip.GetProperty("value").ValueKind);
        Assert.Equal(AliceZip, Assert.Single(zip.GetProperty("value").EnumerateArray()).GetString());
        Assert.False(zip.TryGetProperty("error", out _));
    }
}
