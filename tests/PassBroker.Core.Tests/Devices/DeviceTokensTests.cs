using PassBroker.Core.Devices;

namespace PassBroker.Core.Tests.Devices;

public sealed class DeviceTokensTests
{
    private static readonly string Key = DeviceKeys.New();

    [Fact]
    public void Issue_ThenParse_FindsTheDeviceAndMatchesTheStoredHash()
    {
        var (token, hash) = DeviceTokens.Issue(Key);

        Assert.True(DeviceTokens.TryParse(token, out var key, out var secret));
        Assert.Equal(Key, key);
        Assert.True(DeviceTokens.Matches(secret, hash));
        Assert.DoesNotContain(secret, hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_SecretOfAnotherToken_IsFalse()
    {
        var (_, hash) = DeviceTokens.Issue(Key);
        var (other, _) = DeviceTokens.Issue(Key);
        DeviceTokens.TryParse(other, out _, out var otherSecret);

        Assert.False(DeviceTokens.Matches(otherSecret, hash));
    }

    [Fact]
    public void Matches_AStoredHashOfAnotherLengthOrCase_IsFalse()
    {
        var (token, hash) = DeviceTokens.Issue(Key);
        DeviceTokens.TryParse(token, out _, out var secret);

        Assert.False(DeviceTokens.Matches(secret, hash[..^1]));
        Assert.False(DeviceTokens.Matches(secret, hash.ToUpperInvariant()));
        Assert.False(DeviceTokens.Matches(secret, ""));
    }

    [Fact]
    public void Matches_AllocatesNothing()
    {
        var (token, hash) = DeviceTokens.Issue(Key);
        DeviceTokens.TryParse(token, out _, out var secret);
        DeviceTokens.Matches(secret, hash);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var matches = DeviceTokens.Matches(secret, hash);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(matches);
        // Every request checks its token: the hash, its hex and both sides of the comparison live on the stack (456 bytes before).
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pbd1")]
    [InlineData("pbd1.notakey.secret")]
    [InlineData("pbd2.0123456789abcdef0123456789abcdef.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("pbd1.0123456789ABCDEF0123456789ABCDEF.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("pbd1.0123456789abcdef0123456789abcdef.short")]
    [InlineData("pbd1.0123456789abcdef0123456789abcdef.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.extra")]
    public void TryParse_MalformedToken_IsFalse(string? token) => Assert.False(DeviceTokens.TryParse(token, out _, out _));

    [Fact]
    public void New_EveryKeyWellFormedAndDifferent_SoATokenOfOneParsesToIt()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => DeviceKeys.New()).ToList();

        Assert.All(keys, k => Assert.True(DeviceKeys.IsWellFormed(k)));
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.True(DeviceTokens.TryParse(DeviceTokens.Issue(keys[0]).Token, out var parsed, out _));
        Assert.Equal(keys[0], parsed);
    }
}
