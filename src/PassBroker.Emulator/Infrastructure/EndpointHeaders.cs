namespace PassBroker.Emulator.Infrastructure;

/// <summary>One endpoint's documented request headers, as Adobe's page for it lists them.</summary>
/// <param name="Api">Which API the endpoint belongs to (and so the shape of its errors).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Route">The path from the host root, with <c>{name}</c> for each path parameter.</param>
/// <param name="Required">The headers the page marks <i>required</i>.</param>
/// <param name="MediaType">The body's media type (the required <c>Content-Type</c>), or null for calls without a body.</param>
/// <param name="Page">The page in the AdobeDocs/pass.en repository that lists them.</param>
public sealed record EndpointHeaders(AdobeApi Api, string Method, string Route, IReadOnlyList<string> Required, string? MediaType, string Page)
{
    /// <summary>Opened by the user's browser, never called by a programmer service (no <c>Authorization</c>).</summary>
    public bool UserAgentOnly => Required.Count == 0;

    public bool Requires(string header) => Required.Contains(header, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a concrete request path is this endpoint's: literal segments equal, one segment per parameter.</summary>
    public bool Matches(string method, string path)
    {
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var template = Route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return template.Length == segments.Length
            && template.Zip(segments).All(p => IsParameter(p.First) ? p.Second.Length > 0 : string.Equals(p.First, p.Second, StringComparison.Ordinal));
    }

    /// <summary>The literal segments: a path that matches two rows belongs to the one with more of them.</summary>
    public int LiteralSegments => Route.Split('/', StringSplitOptions.RemoveEmptyEntries).Count(s => !IsParameter(s));

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}
