using PassBroker.AdobePass.Headers;
using PassBroker.Core.Devices;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.AdobePass.Tests.Headers;

/// <summary>Against the constructed example of adobe-pass-v2.md section 2.3.</summary>
public sealed class DeviceInfoHeaderTests
{
    private const string DocJson = """{"primaryHardwareType":"SetTopBox","model":"BRAVIA-XR","version":"2023","manufacturer":"Sony","vendor":"Sony","osName":"Android","osVersion":"12","connectionType":"LAN","connectionIp":"198.51.100.23","connectionPort":"51734","applicationId":"com.example.tveapp"}""";
    private const string DocHeader = "eyJwcmltYXJ5SGFyZHdhcmVUeXBlIjoiU2V0VG9wQm94IiwibW9kZWwiOiJCUkFWSUEtWFIiLCJ2ZXJzaW9uIjoiMjAyMyIsIm1hbnVmYWN0dXJlciI6IlNvbnkiLCJ2ZW5kb3IiOiJTb255Iiwib3NOYW1lIjoiQW5kcm9pZCIsIm9zVmVyc2lvbiI6IjEyIiwiY29ubmVjdGlvblR5cGUiOiJMQU4iLCJjb25uZWN0aW9uSXAiOiIxOTguNTEuMTAwLjIzIiwiY29ubmVjdGlvblBvcnQiOiI1MTczNCIsImFwcGxpY2F0aW9uSWQiOiJjb20uZXhhbXBsZS50dmVhcHAifQ==";

    // TestDevices.Info() is the section's example device, without its connection fields.
    private static readonly DeviceInfo DocDevice = TestDevices.Info();

    [Fact]
    public void Encode_DocExampleWithItsConnection_MatchesTheDocsHeaderByteForByte()
    {
        var header = DeviceInfoHeader.Encode(DocDevice.WithConnection(new ClientEndpoint("198.51.100.23", 51734)));

        Assert.Equal(DocJson, DeviceInfoHeader.DecodeJson(header));
        Assert.Equal(DocHeader, header);
    }

    [Fact]
    public void Encode_AllocatesTheHeaderStringOnly()
    {
        var device = DocDevice.WithConnection(new ClientEndpoint("198.51.100.23", 51734));
        var expected = DeviceInfoHeader.Encode(device);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var header = DeviceInfoHeader.Encode(device);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(DocHeader, header);
        Assert.Equal(expected, header);
        // A string of n chars is 2n bytes plus its 22-byte header, rounded up to 8; the JSON's bytes are not kept (were ≈ 270 more).
        Assert.True(allocated <= 2 * header.Length + 32, $"Encoding allocated {allocated} bytes for a {header.Length}-char header.");
    }

    [Fact]
    public void WithConnection_OverridesWhatTheAppClaimed()
    {
        var claimed = DocDevice with { ConnectionIp = "8.8.8.8", ConnectionPort = "1" };

        var real = claimed.WithConnection(new ClientEndpoint("203.0.113.9", 40000));

        Assert.Equal(("203.0.113.9", "40000"), (real.ConnectionIp, real.ConnectionPort));
    }

    [Fact]
    public void TryDecode_NumbersAsStringsOrNumbers_BothRead()
    {
        var header = Convert.ToBase64String("""{"model":"x","displayWidth":"1920","displayHeight":1080}"""u8);

        Assert.True(DeviceInfoHeader.TryDecode(header, out var info));
        Assert.Equal((1920, 1080), (info.DisplayWidth, info.DisplayHeight));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")] // "not json"
    public void TryDecode_Malformed_IsFalse(string? value) => Assert.False(DeviceInfoHeader.TryDecode(value, out _));
}
