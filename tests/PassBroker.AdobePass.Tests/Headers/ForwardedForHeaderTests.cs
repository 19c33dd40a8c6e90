using PassBroker.AdobePass.Headers;
using PassBroker.Core.Devices;

namespace PassBroker.AdobePass.Tests.Headers;

public sealed class ForwardedForHeaderTests
{
    [Theory]
    [InlineData("198.51.100.23", "198.51.100.23")]
    [InlineData("::ffff:198.51.100.23", "198.51.100.23")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    public void Encode_DeviceAddress_IsTheBareAddress(string ip, string expected) =>
        Assert.Equal(expected, ForwardedForHeader.Encode(new ClientEndpoint(ip, 1234)));

    [Fact]
    public void Encode_NotAnAddress_Throws() =>
        Assert.Throws<ArgumentException>(() => ForwardedForHeader.Encode(new ClientEndpoint("evil, 1.2.3.4", null)));
}
