using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using PassBroker.AdobePass.Contracts;
using PassBroker.Http.Decisions;
using PassBroker.Http.Edge;

namespace PassBroker.Benchmarks.Micro;

/// <summary>
/// The JSON of one authorize, both ways, side by side: with the source-generated metadata the hosts use
/// (<see cref="HttpJsonContext"/>, <see cref="AdobePassJsonContext"/>) and with the same settings resolved by reflection
/// (the baseline, as before the contexts existed).
/// </summary>
[MemoryDiagnoser]
public class JsonBodyBenchmarks
{
    /// <summary>Adobe's answer to one authorize: a permit with a media token.</summary>
    public static readonly byte[] UpstreamDecision = Encoding.UTF8.GetBytes(
        """{"decisions":[{"resource":"show-1","serviceProvider":"REF30","mvpd":"ExampleCable","authorized":true,"source":"mvpd","token":{"notBefore":1763900000000,"notAfter":1763900420000,"serializedToken":"PHNpZ25hdHVyZUluZm8+LiAuIC48L3NpZ25hdHVyZUluZm8+"},"notBefore":1763900000000,"notAfter":1763900420000}]}""");

    /// <summary>The app's authorize request.</summary>
    public static readonly byte[] AppRequest = Encoding.UTF8.GetBytes("""{"resource":"show-1","mvpd":"ExampleCable"}""");

    private static readonly AuthorizeResponse Response = new("show-1", "ExampleCable", "permit",
        new PassBroker.Http.Decisions.MediaTokenResponse("PHNpZ25hdHVyZUluZm8+LiAuIC48L3NpZ25hdHVyZUluZm8+", DateTimeOffset.UnixEpoch.AddDays(20412), DateTimeOffset.UnixEpoch.AddDays(20413)),
        DateTimeOffset.UnixEpoch.AddDays(20413), null);

    private static readonly JsonSerializerOptions HttpByReflection =
        new(HttpJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly JsonSerializerOptions UpstreamByReflection =
        new(AdobePassJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    [Benchmark(Baseline = true)]
    public string WriteAuthorizeResponseByReflection() => JsonSerializer.Serialize(Response, HttpByReflection);

    [Benchmark]
    public string WriteAuthorizeResponseGenerated() => JsonSerializer.Serialize(Response, HttpJson.Options);

    [Benchmark]
    public AuthorizeRequest? ReadAuthorizeRequestByReflection() => JsonSerializer.Deserialize<AuthorizeRequest>(AppRequest, HttpByReflection);

    [Benchmark]
    public AuthorizeRequest? ReadAuthorizeRequestGenerated() => JsonSerializer.Deserialize<AuthorizeRequest>(AppRequest, HttpJson.Options);

    [Benchmark]
    public DecisionsResponse? ReadUpstreamDecisionByReflection() => JsonSerializer.Deserialize<DecisionsResponse>(UpstreamDecision, UpstreamByReflection);

    [Benchmark]
    public DecisionsResponse? ReadUpstreamDecisionGenerated() => JsonSerializer.Deserialize<DecisionsResponse>(UpstreamDecision, AdobePassJson.Options);
}
