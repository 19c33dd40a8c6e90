using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PassBroker.Http.Edge;

/// <summary>
/// JSON settings of PassBroker's own API: camelCase, enums as strings, strict about what it reads, and the source-generated
/// metadata of its bodies (<see cref="HttpJsonContext"/>) ahead of the reflection-based resolver, which stays behind it
/// for the framework's own types.
/// </summary>
public static class HttpJson
{
    // Like ASP.NET's own options, the reflection resolver is in the chain before Configure puts the context ahead of it.
    public static readonly JsonSerializerOptions Options =
        Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() });

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.MaxDepth = JsonBody.MaxDepth;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.TypeInfoResolverChain.Insert(0, HttpJsonContext.Default);
        return options;
    }
}
