using PassBroker.Benchmarks.Micro;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Benchmarks.Tests;

/// <summary>Each microbenchmark measures what its name says: it computes the right answer.</summary>
public sealed class BenchmarkMethodsTests
{
    [Fact]
    public void HeaderCodecs_RoundTrip()
    {
        var codecs = new HeaderCodecBenchmarks();
        codecs.Setup();

        Assert.Equal(TestDevices.Info(), codecs.DecodeDeviceInfo());
        Assert.Equal("living-room-tv-0001", codecs.DecodeDeviceIdentifier());
        Assert.StartsWith("fingerprint ", codecs.EncodeDeviceIdentifier(), StringComparison.Ordinal);
        Assert.Equal("198.51.100.23", codecs.EncodeForwardedFor());
        Assert.NotEmpty(codecs.EncodeDeviceInfo());
    }

    [Fact]
    public void TableKeys_EscapeOnlyWhatNeedsIt()
    {
        var keys = new TableKeyBenchmarks();

        Assert.Same(TableKeyBenchmarks.PlainKey, keys.EscapePlain());
        Assert.DoesNotContain('/', keys.EscapeUrl());
        Assert.DoesNotContain('#', keys.EscapeUrl());
        Assert.Equal(TableKeyBenchmarks.UrlKey, keys.UnescapeUrl());
    }

    [Fact]
    public void JsonBodies_ReadAndWriteTheSameWithGeneratedMetadataAsByReflection()
    {
        var json = new JsonBodyBenchmarks();

        Assert.Equal(json.WriteAuthorizeResponseByReflection(), json.WriteAuthorizeResponseGenerated());
        Assert.Contains("\"mediaToken\":{\"serializedToken\"", json.WriteAuthorizeResponseGenerated(), StringComparison.Ordinal);
        Assert.Equal(json.ReadAuthorizeRequestByReflection(), json.ReadAuthorizeRequestGenerated());
        Assert.Equal("show-1", json.ReadAuthorizeRequestGenerated()!.Resource);
        var (reflected, generated) = (json.ReadUpstreamDecisionByReflection()!.Decisions!.Single(), json.ReadUpstreamDecisionGenerated()!.Decisions!.Single());
        Assert.Equal(reflected, generated);
        Assert.NotNull(generated.Token?.SerializedToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763900420000), generated.NotAfter);
    }

    [Fact]
    public async Task TokenCaches_AnswerFromMemory()
    {
        var tokens = new TokenCacheBenchmarks();
        tokens.Setup();
        try
        {
            Assert.Equal("device-1", (await tokens.AuthenticateDeviceWarm()).DeviceId);
            Assert.Equal("access", await tokens.AccessTokenWarm());
        }
        finally
        {
            tokens.Cleanup();
        }
    }
}
