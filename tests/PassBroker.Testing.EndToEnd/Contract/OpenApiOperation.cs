using System.Text.Json.Nodes;

namespace PassBroker.Testing.EndToEnd.Contract;

/// <summary>One operation of an <see cref="OpenApiDocument"/>: its parameters, request body and responses.</summary>
public sealed record OpenApiOperation(OpenApiDocument Document, string Template, JsonObject Operation)
{
    /// <summary>The location for a report: <c>rest-api-v2.openapi.json paths./{serviceProvider}/sessions.post</c>.</summary>
    public string Location(string method) => $"{Document.Name} paths.{Template}.{method.ToLowerInvariant()}";

    public IEnumerable<(string In, string Name, bool Required)> Parameters =>
        (Operation["parameters"]?.AsArray() ?? []).Select(p => (
            p!["in"]!.GetValue<string>(), p["name"]!.GetValue<string>(), p["required"]?.GetValue<bool>() ?? false));

    /// <summary>The request body's schema for a media type (no parameters), or null when the operation takes none.</summary>
    public JsonNode? RequestSchema(string mediaType) => Operation["requestBody"]?["content"]?[mediaType]?["schema"];

    public IEnumerable<string> RequestMediaTypes => Operation["requestBody"]?["content"]?.AsObject().Select(c => c.Key) ?? [];

    public bool DeclaresStatus(int status) => Operation["responses"]?.AsObject().ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) == true;

    /// <summary>The JSON schema of a response status, or null when the document gives none for it.</summary>
    public JsonNode? ResponseSchema(int status) =>
        Operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"]?["schema"];
}
