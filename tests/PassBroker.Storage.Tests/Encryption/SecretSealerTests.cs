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
    public async Task Open_WhatSealProduced_ReturnsThePlaintext(string secret)
    {
        var sealer = new SecretSealer(TestDataKeys.Create("k1"));

        Assert.Equal(secret, await sealer.OpenAsync(await sealer.SealAsync(secret, Context, default), Context, default));
    }

    [Fact]
    public async Task Seal_Always_WritesVersionedEnvelopeWithNonceAndTag()
    {
        var sealer = new SecretSealer(TestDataKeys.Create("k1"));

        var sealedValue = await sealer.SealAsync("secret", Context, default);

        var parts = sealedValue.Split(':');
        Assert.Equal(["v1", "k1"], parts[..2]);
        Assert.Equal(12 + "secret".Length + 16, Convert.FromBase64String(parts[2]).Length);
        Assert.DoesNotContain("secret", sealedValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seal_SameValueTwice_UsesFreshNonces()
    {
        var sealer = new SecretSealer(TestDataKeys.Create("k1"));

        Assert.NotEqual(await sealer.SealAsync("secret", Context, default), await sealer.SealAsync("secret", Context, default));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("partition")]
    [InlineData("row")]
    [InlineData("property")]
    public async Task Open_ValueMovedToAnotherPlace_ThrowsSealedValueException(string moved)
    {
        var sealer = new SecretSealer(TestDataKeys.Create("k1"));
        var sealedValue = await sealer.SealAsync("secret", Context, default);
        var elsewhere = moved switch
        {
            "table" => Context with { Table = "sessions" },
            "partition" => Context with { PartitionKey = "fedcba9876543210fedcba9876543210" },
            "row" => Context with { RowKey = "other" },
            _ => Context with { Property = "AccessToken" },
        };

        var error = await Assert.ThrowsAsync<SealedValueException>(async () => await sealer.OpenAsync(sealedValue, elsewhere, default));
        Assert.Contains("altered, moved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_TamperedCiphertext_ThrowsSealedValueException()
    {
        var sealer = new SecretSealer(TestDataKeys.Create("k1"));
        var parts = (await sealer.SealAsync("secret", Context, default)).Split(':');
        var bytes = Convert.FromBase64String(parts[2]);
        bytes[14] ^= 0x01;

        await Assert.ThrowsAsync<SealedValueException>(async () => await sealer.OpenAsync($"v1:k1:{Convert.ToBase64String(bytes)}", Context, default));
    }

    [Fact]
    public async Task Open_UnknownKeyVersion_ThrowsSealedValueExceptionNamingIt()
    {
        var keys = TestDataKeys.Create("k1");
        var sealedValue = await new SecretSealer(keys).SealAsync("secret", Context, default);
        var retired = new SecretSealer(keys.RotateTo("k2").Without("k1"));

        var error = await Assert.ThrowsAsync<SealedValueException>(async () => await retired.OpenAsync(sealedValue, Context, default));
        Assert.Contains("'k1' is unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_SealedWithTheSameVersionNameButAnotherKey_ThrowsSealedValueException()
    {
        var sealedValue = await new SecretSealer(TestDataKeys.Create("k1")).SealAsync("secret", Context, default);

        await Assert.ThrowsAsync<SealedValueException>(async () => await new SecretSealer(TestDataKeys.Create("k1")).OpenAsync(sealedValue, Context, default));
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("v2:k1:AAAA")]
    [InlineData("v1:k1:not base64!")]
    [InlineData("v1:k1:AAAA")]
    [InlineData("v1:k1:a:b")]
    public async Task Open_Malformed_ThrowsSealedValueException(string sealedValue)
    {
        await Assert.ThrowsAsync<SealedValueException>(async () => await new SecretSealer(TestDataKeys.Create("k1")).OpenAsync(sealedValue, Context, default));
    }

    [Fact]
    public async Task Open_SealedUnderAnOlderCurrentKey_StillOpensAfterRotation()
    {
        var keys = TestDataKeys.Create("k1");
        var sealedValue = await new SecretSealer(keys).SealAsync("secret", Context, default);
        var rotated = new SecretSealer(keys.RotateTo("k2"));

        Assert.Equal("secret", await rotated.OpenAsync(sealedValue, Context, default));
        Assert.StartsWith("v1:k2:", await rotated.SealAsync("secret", Context, default), StringComparison.Ordinal);
    }
}
