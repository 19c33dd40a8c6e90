using System.Text.RegularExpressions;

namespace PassBroker.Integration.Tests.Walkthrough;

/// <summary>
/// Reads a <c>.http</c> file the way the VS Code REST Client and Visual Studio do, as far as the walk-through uses it:
/// file variables (<c>@x = …</c>), requests separated by <c>###</c>, <c># @name</c>, headers up to the first blank line,
/// then the body. Commented-out requests are not requests. <c># expect: NNN</c> is the walk-through's own comment: the
/// status the step promises its reader, optionally followed by a piece of JSON its answer contains.
/// </summary>
public static partial class HttpFileParser
{
    public static (IReadOnlyDictionary<string, string> Variables, IReadOnlyList<HttpFileRequest> Requests) Parse(string text)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var requests = new List<HttpFileRequest>();
        foreach (var block in SplitBlocks(text))
        {
            if (ParseBlock(block, variables) is { } request)
            {
                requests.Add(request);
            }
        }
        return (variables, requests);
    }

    // Each block starts at a "###" line; the lines of a multi-line "###" title (consecutive "###" lines) stay together.
    private static IEnumerable<List<string>> SplitBlocks(string text)
    {
        var block = new List<string>();
        var previousWasSeparator = false;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var isSeparator = line.StartsWith("###", StringComparison.Ordinal);
            if (isSeparator && !previousWasSeparator && block.Count > 0)
            {
                yield return block;
                block = [];
            }
            block.Add(line);
            previousWasSeparator = isSeparator;
        }
        yield return block;
    }

    private static HttpFileRequest? ParseBlock(List<string> lines, Dictionary<string, string> variables)
    {
        var title = string.Join(" ", lines.TakeWhile(l => l.StartsWith("###", StringComparison.Ordinal)).Select(l => l.TrimStart('#').Trim()));
        string? name = null, method = null, url = null;
        int? expected = null;
        string? expectedText = null;
        var headers = new List<KeyValuePair<string, string>>();
        var body = new List<string>();
        var inBody = false;
        foreach (var line in lines.SkipWhile(l => l.StartsWith("###", StringComparison.Ordinal)))
        {
            if (method is null || !inBody)
            {
                if (NameComment().Match(line) is { Success: true } n)
                {
                    name = n.Groups[1].Value;
                    continue;
                }
                if (ExpectComment().Match(line) is { Success: true } e)
                {
                    expected = int.Parse(e.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    expectedText = e.Groups[2].Value.Trim() is { Length: > 0 } promised ? promised : null;
                    continue;
                }
                if (line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }
            }
            if (method is null)
            {
                if (FileVariable().Match(line) is { Success: true } v)
                {
                    variables[v.Groups[1].Value] = v.Groups[2].Value.Trim();
                }
                else if (RequestLine().Match(line) is { Success: true } r)
                {
                    (method, url) = (r.Groups[1].Value, r.Groups[2].Value);
                }
                continue;
            }
            if (!inBody)
            {
                if (line.Length == 0)
                {
                    inBody = true;
                }
                else if (line.Split(':', 2) is [var header, var value])
                {
                    headers.Add(new(header.Trim(), value.Trim()));
                }
                continue;
            }
            // A file variable after the body belongs to the file, not to the body (the REST Client reads it so too).
            if (FileVariable().Match(line) is { Success: true } after)
            {
                variables[after.Groups[1].Value] = after.Groups[2].Value.Trim();
                continue;
            }
            body.Add(line);
        }
        if (method is null)
        {
            return null;
        }
        var text = string.Join("\n", body).Trim();
        return new HttpFileRequest(title, name, method, url!, headers, text.Length == 0 ? null : text, expected, expectedText);
    }

    [GeneratedRegex(@"^#\s*@name\s+(\S+)\s*$")]
    private static partial Regex NameComment();

    [GeneratedRegex(@"^#\s*expect:\s*(\d{3})\b(.*)$")]
    private static partial Regex ExpectComment();

    [GeneratedRegex(@"^@([A-Za-z_][\w-]*)\s*=\s*(.*)$")]
    private static partial Regex FileVariable();

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)(\s+HTTP/[\d.]+)?\s*$")]
    private static partial Regex RequestLine();
}
