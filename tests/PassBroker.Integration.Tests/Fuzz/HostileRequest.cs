using System.Globalization;
using System.Text;

namespace PassBroker.Integration.Tests.Fuzz;

/// <summary>One generated request, kept as data so a failure can name exactly what was sent.</summary>
public sealed record HostileRequest(int Index, string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body, string? ContentType, bool Chunked)
{
    /// <summary>Bodies past Kestrel's own cap may be cut off by a closed connection instead of an answer.</summary>
    public bool ExceedsServerCap(int cap) => Body is { } body && body.Length > cap;

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Target, UriKind.Relative));
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (Body is { } body)
        {
            // Chunked: no Content-Length, so the server only learns the size while reading.
            HttpContent content = Chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
            if (ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
            message.Content = content;
        }
        else if (ContentType is not null)
        {
            message.Content = new ByteArrayContent([]);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return message;
    }

    /// <summary>What was sent, short enough for a failure message (bodies cut, non-printable bytes escaped).</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"#{Index} {Method} {Cut(Target, 200)}");
        foreach (var (name, value) in Headers)
        {
            text.Append(CultureInfo.InvariantCulture, $" | {name}: {Cut(value, 80)}");
        }
        text.Append(CultureInfo.InvariantCulture, $" | Content-Type: {ContentType ?? "(none)"}{(Chunked ? " chunked" : "")}");
        if (Body is { } body)
        {
            var shown = string.Concat(body.Take(300).Select(b => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}"));
            text.Append(CultureInfo.InvariantCulture, $" | body[{body.Length}]: {shown}");
        }
        return text.ToString();
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length] + $"…({value.Length})";
}
