using System.Text.Json;
using System.Text.RegularExpressions;

namespace PassBroker.Integration.Tests.Walkthrough;

/// <summary>
/// Replaces <c>{{variable}}</c> and <c>{{name.response.body.a.b}}</c> as the REST Client does: file variables (which may
/// themselves refer to responses, resolved when used) and the JSON bodies of the named requests sent so far.
/// </summary>
public sealed partial class HttpFileVariables(IReadOnlyDictionary<string, string> fileVariables)
{
    private readonly Dictionary<string, JsonElement> _responses = new(StringComparer.Ordinal);

    public void RecordResponse(string name, JsonElement body) => _responses[name] = body.Clone();

    public string Resolve(string text, int depth = 0) => Reference().Replace(text, m =>
    {
        var path = m.Groups[1].Value.Trim();
        if (fileVariables.TryGetValue(path, out var value))
        {
            return depth < 5 ? Resolve(value, depth + 1) : value;
        }
        return path.Split('.') is [var name, "response", "body", .. var fields] && _responses.TryGetValue(name, out var body)
            ? Read(body, fields, path)
            : throw new InvalidOperationException($"The walk-through refers to {{{{{path}}}}}, which no earlier step defines.");
    });

    private static string Read(JsonElement body, string[] fields, string path)
    {
        var element = body;
        foreach (var field in fields)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(field, out element))
            {
                throw new InvalidOperationException($"{{{{{path}}}}}: the response has no '{field}'.");
            }
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
    }

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex Reference();
}
