using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassBroker.Http.Edge;

/// <summary>JSON settings of PassBroker's own API: camelCase, enums as strings, strict about what it reads.</summary>
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
        return options;
    }
}
