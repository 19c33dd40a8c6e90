using System.Text.Json.Nodes;

namespace PassBroker.Testing.EndToEnd.Contract;

/// <summary>
/// One of Adobe's OpenAPI 3.0.1 documents (kept verbatim in Contract/Adobe), its paths relative to <paramref name="prefix"/>:
/// <c>/api/v2</c> for REST API V2, <c>/o</c> for DCR, as the documents' <c>servers</c> and our Refit interfaces agree.
/// </summary>
public sealed class OpenApiDocument(string name, string prefix, JsonObject root)
{
    public string Name { get; } = name;

    public string Prefix { get; } = prefix;

    public JsonObject Root { get; } = root;

    public JsonObject Schemas => Root["components"]!["schemas"]!.AsObject();

    public static OpenApiDocument Load(string file, string prefix)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Contract", "Adobe", file);
        return new OpenApiDocument(file, prefix, JsonNode.Parse(File.ReadAllText(path))!.AsObject());
    }

    /// <summary>The operation for a request path (from the host root), preferring the template with more literal segments.</summary>
    public OpenApiOperation? Find(string method, string path)
    {
        if (!path.StartsWith(Prefix + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var relative = path[Prefix.Length..];
        return Root["paths"]!.AsObject()
            .Where(p => TemplateMatches(p.Key, relative) && p.Value![method.ToLowerInvariant()] is JsonObject)
            .OrderByDescending(p => p.Key.Split('/').Count(s => !s.StartsWith('{')))
            .Select(p => new OpenApiOperation(this, p.Key, p.Value![method.ToLowerInvariant()]!.AsObject()))
            .FirstOrDefault();
    }

    private static bool TemplateMatches(string template, string path)
    {
        var t = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var p = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return t.Length == p.Length && t.Zip(p).All(s => s.First.StartsWith('{') || s.First == s.Second);
    }
}
