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
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.MaxDepth = JsonBody.MaxDepth;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        if (!options.TypeInfoResolverChain.Contains(HttpJsonContext.Default))
        {
            // ASP.NET's options come with the reflection resolver in the chain; fresh ones come with none.
            var hadResolvers = options.TypeInfoResolverChain.Count > 0;
            options.TypeInfoResolverChain.Insert(0, HttpJsonContext.Default);
            if (!hadResolvers)
            {
                options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
            }
        }
        return options;
    }
}
