using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PassBroker.Core.Profiles;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Tests.Profiles;

public sealed class UserMetadataDecryptionTests
{
    private readonly Mock<IUserMetadataDecryptor> _decryptor = new(MockBehavior.Strict);

    [Fact]
    public async Task DecryptAsync_EncryptedList_BecomesTheJsonListMarkedDecrypted()
    {
        _decryptor.Setup(d => d.DecryptAsync("ref31", "cipher", It.IsAny<CancellationToken>())).ReturnsAsync("""["10001"]""");

        var profile = await Decryption().DecryptAsync("ref31", ProfileWith(("zip", Json("\"cipher\""), "enc")), CancellationToken.None);

        var zip = profile.Attributes["zip"];
        Assert.Equal(ProfileAttributeStates.Decrypted, zip.State);
        Assert.Equal(JsonValueKind.Array, zip.Value.ValueKind);
        Assert.Equal("10001", zip.Value[0].GetString());
        Assert.Null(zip.Error);
    }

    [Theory]
    [InlineData("10001")]
    [InlineData("02134")]
    [InlineData("[not json")]
    [InlineData("true")]
    public async Task DecryptAsync_PlaintextThatIsNotStructuredJson_StaysTheTextAsAString(string plaintext)
    {
        _decryptor.Setup(d => d.DecryptAsync("ref31", "cipher", It.IsAny<CancellationToken>())).ReturnsAsync(plaintext);

        var profile = await Decryption().DecryptAsync("ref31", ProfileWith(("zip", Json("\"cipher\""), "enc")), CancellationToken.None);

        Assert.Equal(plaintext, profile.Attributes["zip"].Value.GetString());
    }

    [Fact]
    public async Task DecryptAsync_CannotDecrypt_KeepsTheValueMarkedWithTheErrorAndTheOtherAttributes()
    {
        _decryptor.Setup(d => d.DecryptAsync("ref31", "cipher", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MetadataDecryptionException("encrypted for another certificate"));

        var profile = await Decryption().DecryptAsync("ref31", 
            ProfileWith(("zip", Json("\"cipher\""), "enc"), ("userID", Json("\"u-1\""), "plain")), CancellationToken.None);

        Assert.Equal("cipher", profile.Attributes["zip"].Value.GetString());
        Assert.Equal(ProfileAttributeStates.Encrypted, profile.Attributes["zip"].State);
        Assert.Equal(ProfileAttributeStates.DecryptionFailed, profile.Attributes["zip"].Error);
        Assert.Equal("u-1", profile.Attributes["userID"].Value.GetString());
    }

    [Fact]
    public async Task DecryptAsync_NothingEncrypted_SameProfileWithoutAnyDecryption()
    {
        var plain = ProfileWith(("userID", Json("\"u-1\""), "plain"), ("zip", Json("""["1"]"""), "plain"));

        Assert.Same(plain, await Decryption().DecryptAsync("ref31", plain, CancellationToken.None));
    }

    [Fact]
    public async Task DecryptAsync_EncStateOnANonString_LeftAlone()
    {
        // Only strings are encrypted values; anything else under "enc" is passed through as Adobe sent it.
        var odd = ProfileWith(("zip", Json("""["1"]"""), "enc"));

        Assert.Same(odd, await Decryption().DecryptAsync("ref31", odd, CancellationToken.None));
    }

    private UserMetadataDecryption Decryption() => new(_decryptor.Object, NullLogger<UserMetadataDecryption>.Instance);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static Profile ProfileWith(params (string Key, JsonElement Value, string State)[] attributes) => new()
    {
        Mvpd = "ExampleCable",
        NotBefore = DateTimeOffset.UnixEpoch,
        NotAfter = DateTimeOffset.UnixEpoch.AddDays(1),
        Issuer = "ExampleCable",
        Type = "regular",
        Attributes = attributes.ToDictionary(a => a.Key, a => new ProfileAttribute(a.Value, a.State)),
    };
}
