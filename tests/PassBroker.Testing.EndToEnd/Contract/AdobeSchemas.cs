using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace PassBroker.Testing.EndToEnd.Contract;

/// <summary>
/// Validates JSON bodies against a document's schemas, converted by <see cref="SchemaConverter"/>, with the corrections
/// where Adobe's page says otherwise (each one is in docs/adobe-pass-conformance.md).
/// </summary>
public sealed class AdobeSchemas
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };
    private readonly JsonObject _defs;
    private readonly string _name;
    private readonly ConcurrentDictionary<string, JsonSchema> _built = new();

    public AdobeSchemas(OpenApiDocument document)
    {
        _name = document.Name;
        _defs = SchemaConverter.Convert(document.Schemas).AsObject();
        PageCorrections.Apply(_defs);
    }

    /// <summary>Each failure as <c>location: message</c>; empty when the body fits.</summary>
    public IReadOnlyList<string> Validate(JsonNode schema, JsonElement body)
    {
        var text = schema.ToJsonString();
        var built = _built.GetOrAdd(text, Build);
        var results = built.Evaluate(body, Options);
        return results.IsValid
            ? []
            : [.. (results.Details ?? [results]).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{Pointer(d.InstanceLocation.ToString())}: {e.Value}"))
                .Distinct()];
    }

    private JsonSchema Build(string schemaText)
    {
        var root = SchemaConverter.Convert(JsonNode.Parse(schemaText)!).AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _defs.DeepClone();
        var id = new Uri($"https://passbroker.test/adobe/{_name}/{Guid.NewGuid():N}");
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
    }

    private static string Pointer(string location) => location.Length == 0 ? "(body)" : location;
}
