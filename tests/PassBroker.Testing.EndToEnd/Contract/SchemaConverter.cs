using System.Text.Json.Nodes;

namespace PassBroker.Testing.EndToEnd.Contract;

/// <summary>
/// OpenAPI 3.0 schema objects to JSON Schema 2020-12: <c>$ref</c>s to <c>#/components/schemas</c> point at <c>$defs</c>,
/// <c>nullable</c> becomes a <c>"null"</c> type, <c>example</c> goes. Objects that declare properties are closed
/// (<c>additionalProperties: false</c>): the contract is the documented shape, so an undocumented field fails.
/// </summary>
internal static class SchemaConverter
{
    private const string ComponentsPrefix = "#/components/schemas/";

    public static JsonNode Convert(JsonNode node)
    {
        var copy = node.DeepClone();
        Rewrite(copy);
        return copy;
    }

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                RewriteSchema(schema);
                foreach (var (_, child) in schema.ToList())
                {
                    Rewrite(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rewrite(item);
                }

                break;
        }
    }

    private static void RewriteSchema(JsonObject schema)
    {
        if (schema["$ref"] is JsonValue reference && reference.GetValue<string>() is var target && target.StartsWith(ComponentsPrefix, StringComparison.Ordinal))
        {
            schema["$ref"] = "#/$defs/" + target[ComponentsPrefix.Length..];
        }

        schema.Remove("example");
        if (schema["nullable"] is JsonValue nullable && nullable.GetValue<bool>() && schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray(type.GetValue<string>(), "null");
        }

        schema.Remove("nullable");
        if (schema["properties"] is JsonObject { Count: > 0 } && !schema.ContainsKey("additionalProperties"))
        {
            schema["additionalProperties"] = false;
        }
    }
}
