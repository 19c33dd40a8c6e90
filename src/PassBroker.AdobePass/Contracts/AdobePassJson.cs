using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PassBroker.AdobePass.Contracts;

/// <summary>
/// Compile-time JSON metadata of every body PassBroker sends to or reads from Adobe Pass, so that an upstream call never
/// builds it by reflection. A Refit method whose body is missing here fails <c>AdobePassJsonTests</c>.
/// The contracts' properties have plain setters, not <c>init</c>: the generator reads init-only properties through its
/// constructor path, which measured 1.5 times slower than reflection on an authorize answer (JsonBodyBenchmarks); with
/// setters it is as fast.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ClientRegistrationRequest))]
[JsonSerializable(typeof(ClientApplication))]
[JsonSerializable(typeof(ClientRegistrationAccessTokenResponse))]
[JsonSerializable(typeof(ConfigurationResponse))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(SessionStatusResponse))]
[JsonSerializable(typeof(ProfilesResponse))]
[JsonSerializable(typeof(DecisionsRequest))]
[JsonSerializable(typeof(DecisionsResponse))]
[JsonSerializable(typeof(LogoutResponse))]
[JsonSerializable(typeof(ErrorInformation))]
public sealed partial class AdobePassJsonContext : JsonSerializerContext;

/// <summary>The JSON settings of the Adobe Pass clients: web defaults, nulls left out, the generated metadata first.</summary>
public static class AdobePassJson
{
    /// <summary>
    /// The context's own options with the reflection resolver behind it, so a type someone forgot to list still works
    /// (slower) instead of failing a call in production.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(AdobePassJsonContext.Default.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(AdobePassJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}
