using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Emulator.Tests;

/// <summary>The emulator reads device headers leniently, as a real server may: either Base64 alphabet, padding optional.</summary>
public sealed class DeviceHeadersTests
{
    [Theory]
    [InlineData("+/8=")] // standard, padded
    [InlineData("+/8")] // standard, unpadded
    [InlineData("-_8=")] // URL-safe, padded
    [InlineData("-_8")] // URL-safe, unpadded
    public void TryDecodeBase64_EitherAlphabetPaddedOrNot_DecodesTheSameBytes(string value)
    {
        Assert.True(DeviceHeaders.TryDecodeBase64(value, out var bytes));
        Assert.Equal([0xFB, 0xFF], bytes);
    }

    [Theory]
    [InlineData("a")] // one character carries no whole byte
    [InlineData("ab$d")]
    [InlineData("ab=c")]
    public void TryDecodeBase64_NotBase64_IsFalse(string value)
    {
        Assert.False(DeviceHeaders.TryDecodeBase64(value, out var bytes));
        Assert.Empty(bytes);
    }
}
