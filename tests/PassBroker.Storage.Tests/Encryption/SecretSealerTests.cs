using PassBroker.Storage.Encryption;
using PassBroker.Storage.Tests.Support;

namespace PassBroker.Storage.Tests.Encryption;

public sealed class SecretSealerTests
{
    private static readonly SealingContext Context = new("devices", "0123456789abcdef0123456789abcdef", "device", "ClientSecret");

    [Theory]
    [InlineData("client-secret")]
    [InlineData("")]
    [InlineData("ünïcödé 日本語 😀 and a long tail ........................................................")]
    public void Open_WhatSealProduced_ReturnsThePlaintext(string secret)
    {
        var sealer = new SecretSealer(TestDataKeys.Create("k1"));

        Assert.Equal(secret, sealer.Open(sealer.Seal(secret, Context), Context));
    }

    [Fact]
    public void Seal_Always_WritesVersionedEnvelopeWithNonceAndTag()
    {
        var sealer = new SecretSealer(TestDataKeys.Create("k1"));

        var sealedValue = sealer.Seal("secret", Context);

        var parts = sealedValue.Split(':');
        Assert.Equal(["v1", "k1"], parts[..2]);
        Assert.Equal(12 + "secret".Length + 16, Convert.FromBase64String(parts[2]).Length);
        Assert.DoesNotContain("secret", sealedValue, StringComparison.Ordinal);
    }

    [Fact]
    public void Seal_SameValueTwice_UsesFreshNonces()
    {
        var sealer = new SecretSealer(TestDataKeys.Create("k1"));

        Assert.NotEqual(sealer.Seal("secret", Context), sealer.Seal("secret", Context));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("partition")]
    [InlineData("row")]
    [InlineData("property")]
    public void Open_ValueMovedToAnotherPlace_ThrowsSealedValueException(string moved)
    {
        var sealer = new SecretSealer(TestDataKeys.Create("k1"));
        var sealedValue = sealer.Seal("secret", Context);
        var elsewhere = moved switch
        {
            "table" => Context with { Table = "sessions" },
            "partition" => Context with { PartitionKey = "fedcba9876543210fedcba9876543210" },
            "row" => Context with { RowKey = "other" },
            _ => Context with { Property = "AccessToken" },
        };

        var error = Assert.Throws<SealedValueException>(() => sealer.Open(sealedValue, elsewhere));
        Assert.Contains("altered, moved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TamperedCiphertext_ThrowsSealedValueException()
    {
        var sealer = new SecretSealer(TestDataKeys.Create("k1"));
        var parts = sealer.Seal("secret", Context).Split(':');
        var bytes = Convert.FromBase64String(parts[2]);
        bytes[14] ^= 0x01;

        Assert.Throws<SealedValueException>(() => sealer.Open($"v1:k1:{Convert.ToBase64String(bytes)}", Context));
    }

    [Fact]
    public void Open_UnknownKeyVersion_ThrowsSealedValueExceptionNamingIt()
    {
        var keys = TestDataKeys.Create("k1");
        var sealedValue = new SecretSealer(keys).Seal("secret", Context);
        var retired = new SecretSealer(keys.RotateTo("k2").Without("k1"));

        var error = Assert.Throws<SealedValueException>(() => retired.Open(sealedValue, Context));
        Assert.Contains("'k1' is unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SealedWithTheSameVersionNameButAnotherKey_ThrowsSealedValueException()
    {
        var sealedValue = new SecretSealer(TestDataKeys.Create("k1")).Seal("secret", Context);

        Assert.Throws<SealedValueException>(() => new SecretSealer(TestDataKeys.Create("k1")).Open(sealedValue, Context));
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("v2:k1:AAAA")]
    [InlineData("v1:k1:not base64!")]
    [InlineData("v1:k1:AAAA")]
    [InlineData("v1:k1:a:b")]
    public void Open_Malformed_ThrowsSealedValueException(string sealedValue)
    {
        Assert.Throws<SealedValueException>(() => new SecretSealer(TestDataKeys.Create("k1")).Open(sealedValue, Context));
    }

    [Fact]
    public void Open_SealedUnderAnOlderCurrentKey_StillOpensAfterRotation()
    {
        var keys = TestDataKeys.Create("k1");
        var sealedValue = new SecretSealer(keys).Seal("secret", Context);
        var rotated = new SecretSealer(keys.RotateTo("k2"));

        Assert.Equal("secret", rotated.Open(sealedValue, Context));
        Assert.StartsWith("v1:k2:", rotated.Seal("secret", Context), StringComparison.Ordinal);
    }
}
