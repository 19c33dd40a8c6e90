using BenchmarkDotNet.Attributes;
using PassBroker.AdobePass.Headers;
using PassBroker.Core.Devices;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Benchmarks.Micro;

/// <summary>The headers every upstream call carries: encoded per call, so their cost is paid on every authorize.</summary>
[MemoryDiagnoser]
public class HeaderCodecBenchmarks
{
    private readonly DeviceInfo _info = TestDevices.Info();
    private readonly ClientEndpoint _client = TestDevices.Client;
    private string _encodedInfo = "";
    private string _encodedId = "";

    [GlobalSetup]
    public void Setup()
    {
        _encodedInfo = DeviceInfoHeader.Encode(_info);
        _encodedId = DeviceIdentifierHeader.Encode("living-room-tv-0001");
    }

    [Benchmark]
    public string EncodeDeviceInfo() => DeviceInfoHeader.Encode(_info);

    [Benchmark]
    public DeviceInfo? DecodeDeviceInfo() => DeviceInfoHeader.TryDecode(_encodedInfo, out var info) ? info : null;

    [Benchmark]
    public string EncodeDeviceIdentifier() => DeviceIdentifierHeader.Encode("living-room-tv-0001");

    [Benchmark]
    public string? DecodeDeviceIdentifier() => DeviceIdentifierHeader.TryDecode(_encodedId, out var id) ? id : null;

    [Benchmark]
    public string EncodeForwardedFor() => ForwardedForHeader.Encode(_client);
}
