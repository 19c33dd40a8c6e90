using PassBroker.AdobePass.Headers;
using PassBroker.Core.Devices;

namespace PassBroker.AdobePass.Tests.Headers;

public sealed class TempPassIdentityHeaderTests
{
    [Fact]
    public void Encode_AdobeNotesExample() =>
        // adobe-pass-v2.md section 2.5's constructed example, byte for byte.
        Assert.Equal("eyJlbWFpbCI6IjU4YjE1MDhhZTYyMjczOGM5ZWUzNTk0OTUxYjYyZjE0NzE3MjQ5Y2EwZGM0Njk0MTAzMzQ3OGEyYzY1MzY1YzQifQ==",
            TempPassIdentityHeader.Encode(new TempPassIdentity("email", "58b1508ae622738c9ee3594951b62f14717249ca0dc46941033478a2c65365c4")));

    [Fact]
    public void Encode_OtherKey_IsTheJsonKey() =>
        Assert.Equal("{\"userId\":\"abc\"}", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(TempPassIdentityHeader.Encode(new TempPassIdentity("userId", "abc")))));
}
