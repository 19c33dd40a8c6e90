using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PassBroker.Functions.Tests.Parity;

/// <summary>
/// One answer: the status, the headers an app or browser acts on, and the body. <see cref="Normalized"/> is what the
/// comparison sees, with the values that differ by nature between two runs (this run's device, code and token, times,
/// one-time tokens) replaced by placeholders; everything else must be equal, byte for byte.
/// </summary>
internal sealed partial record Answer(int Status, string Headers, string Body, bool IsJson)
{
    // The headers that change what a client does or what a browser allows.
    private static readonly string[] HeadersThatMatter =
    [
        "Content-Type", "Cache-Control", "Location", "Retry-After", "WWW-Authenticate", "Content-Security-Policy",
        "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Allow",
    ];

    // Values made per request: a media token is single-use and signed anew; Adobe's own ids of a decision.
    // A re-seal's continuation names the row it stopped at.
    private static readonly string[] OneTimeProperties = ["serializedToken", "mediaToken", "issuer", "id", "traceId", "continuation"];

    public static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        var headers = string.Join("\n", HeadersThatMatter
            .Select(name => (name, values: response.Headers.TryGetValues(name, out var h) ? h
                : response.Content.Headers.TryGetValues(name, out var c) ? c : null))
            .Where(h => h.values is not null)
            .Select(h => $"{h.name}: {string.Join(", ", h.values!)}"));
        var isJson = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true;
        return new Answer((int)response.StatusCode, headers, await response.Content.ReadAsStringAsync(), isJson);
    }

    /// <param name="run">This run's own values by placeholder name.</param>
    public string Normalized(IReadOnlyDictionary<string, string> run) =>
        $"{Status}{Environment.NewLine}{Normalize(Headers, run)}{Environment.NewLine}{(IsJson ? NormalizeJson(Body, run) : Normalize(Body, run))}";

    private static string NormalizeJson(string text, IReadOnlyDictionary<string, string> run)
    {
        var node = JsonNode.Parse(text);
        Blank(node, run);
        return node?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "";
    }

    private static void Blank(JsonNode? node, IReadOnlyDictionary<string, string> run)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (OneTimeProperties.Contains(name, StringComparer.Ordinal) && value is not null)
                    {
                        obj[name] = "{one-time}";
                    }
                    else if (value is JsonValue leaf && leaf.TryGetValue<string>(out var s))
                    {
                        obj[name] = Normalize(s, run);
                    }
                    else
                    {
                        Blank(value, run);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue leaf && leaf.TryGetValue<string>(out var s))
                    {
                        array[i] = Normalize(s, run);
                    }
                    else
                    {
                        Blank(array[i], run);
                    }
                }
                break;
        }
    }

    /// <summary>This run's own values (device id, token, key, code, the host's address) and every timestamp as placeholders.</summary>
    private static string Normalize(string text, IReadOnlyDictionary<string, string> run)
    {
        foreach (var (placeholder, value) in run.OrderByDescending(r => r.Value.Length))
        {
            text = text.Replace(value, "{" + placeholder + "}", StringComparison.Ordinal);
        }
        return Timestamp().Replace(text, "{time}");
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Timestamp();
}
