using System.Text;

namespace PassBroker.Testing.EndToEnd.Contract;

/// <summary>One request that reached the Adobe Pass emulator and the answer it got, as they crossed the wire.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path from the host root.</param>
/// <param name="Query">The query string, with its leading <c>?</c>, or empty.</param>
/// <param name="RequestHeaders">The request's headers, names case-insensitive, repeated values joined with <c>", "</c>.</param>
/// <param name="RequestBody">The request body's bytes.</param>
/// <param name="Status">The response status.</param>
/// <param name="ResponseContentType">The response's <c>Content-Type</c>, if any.</param>
/// <param name="ResponseBody">The response body's bytes.</param>
/// <param name="InjectedFault">What the emulator's fault layer wrote instead of the API, or null when the API answered.</param>
public sealed record UpstreamExchange(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> RequestHeaders,
    byte[] RequestBody,
    int Status,
    string? ResponseContentType,
    byte[] ResponseBody,
    string? InjectedFault)
{
    public string? Header(string name) => RequestHeaders.TryGetValue(name, out var value) ? value : null;

    public string RequestText => Encoding.UTF8.GetString(RequestBody);

    public string ResponseText => Encoding.UTF8.GetString(ResponseBody);

    public override string ToString() => $"{Method} {Path}{Query} -> {Status}";
}
