using System.Security.Cryptography;
using System.Text;
using PassBroker.AdobePass.Headers;

namespace PassBroker.AdobePass.Tests.Headers;

/// <summary>Against the constructed example of adobe-pass-v2.md section 2.2.</summary>
public sealed class DeviceIdentifierHeaderTests
{
    private const string DocDeviceId = "05463c5ac8add0736d075fce0d48818bd3e51467154d95f03b7ac9bfd91325bd";
    private const string DocHeader = "fingerprint MDU0NjNjNWFjOGFkZDA3MzZkMDc1ZmNlMGQ0ODgxOGJkM2U1MTQ2NzE1NGQ5NWYwM2I3YWM5YmZkOTEzMjViZA==";

    [Fact]
    public void Encode_DocExample_MatchesTheDocsHeader()
    {
        var deviceId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("android-id:9f1c3e7a52b84d06")));

        Assert.Equal(DocDeviceId, deviceId);
        Assert.Equal(DocHeader, DeviceIdentifierHeader.Encode(deviceId));
    }

    [Fact]
    public void TryDecode_DocHeader_GivesTheDeviceId()
    {
        Assert.True(DeviceIdentifierHeader.TryDecode(DocHeader, out var deviceId));
        Assert.Equal(DocDeviceId, deviceId);
    }

    [Theory]
    [InlineData("ba23d141-d715-561c-94f4-e9e4c966b1eb")]
    [InlineData("ünïcødé device ☃")]
    public void EncodeThenDecode_RoundTrips(string deviceId)
    {
        Assert.True(DeviceIdentifierHeader.TryDecode(DeviceIdentifierHeader.Encode(deviceId), out var decoded));
        Assert.Equal(deviceId, decoded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MDU0NjNj")]
    [InlineData("uuid MDU0NjNj")]
    [InlineData("fingerprint not*base64")]
    [InlineData("fingerprint ")]
    [InlineData("fingerprint //79")]
    public void TryDecode_Malformed_IsFalse(string? value) => Assert.False(DeviceIdentifierHeader.TryDecode(value, out _));
}
