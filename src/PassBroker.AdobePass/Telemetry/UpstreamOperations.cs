using System.Collections.Concurrent;
using Refit;

namespace PassBroker.AdobePass.Telemetry;

/// <summary>
/// Names an upstream call by its Refit route template (<c>/api/v2/{serviceProvider}/decisions/authorize/{mvpd}</c>):
/// a bounded set, unlike the filled URL with its codes. The MVPD is read back from the path at the template's
/// <c>{mvpd}</c> segment, so every call that names one is attributed to it.
/// </summary>
public static class UpstreamOperations
{
    private static readonly HttpRequestOptionsKey<string> TemplateKey = new(HttpRequestMessageOptions.RelativePathTemplate);

    // Keyed by template: a bounded set (the Refit interfaces' routes and "other").
    private static readonly ConcurrentDictionary<string, int> MvpdSegments = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string Method, string Template), string> SpanNames = new();

    /// <summary>The span name, <c>adobepass {METHOD} {template}</c>, built once per method and template.</summary>
    /// <param name="request">The outgoing request.</param>
    /// <param name="template">Its template (<see cref="TemplateOf"/>).</param>
    public static string SpanNameOf(HttpRequestMessage request, string template) =>
        SpanNames.GetOrAdd((request.Method.Method, template), key => $"adobepass {key.Method} {key.Template}");

    /// <summary>The route template, or <c>other</c> for a request Refit did not build.</summary>
    /// <param name="request">The outgoing request.</param>
    public static string TemplateOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(TemplateKey, out var template) && !string.IsNullOrEmpty(template) ? template : "other";

    /// <summary>The <c>{mvpd}</c> path segment of the request, if its template has one.</summary>
    /// <param name="request">The outgoing request.</param>
    public static string? MvpdOf(HttpRequestMessage request)
    {
        // Where the template puts {mvpd} is worked out once per template; per call the path is walked to that segment
        // without splitting it (every upstream call names its MVPD here, for its span and metrics).
        var index = MvpdSegments.GetOrAdd(TemplateOf(request), template => Array.IndexOf(template.Split('?')[0].Trim('/').Split('/'), "{mvpd}"));
        if (index < 0 || request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return null;
        }
        var rest = uri.AbsolutePath.AsSpan().Trim('/');
        for (var i = 0; i < index; i++)
        {
            var slash = rest.IndexOf('/');
            if (slash < 0)
            {
                return null;
            }
            rest = rest[(slash + 1)..];
        }
        var end = rest.IndexOf('/');
        var segment = end < 0 ? rest : rest[..end];
        return segment.Contains('%') ? Uri.UnescapeDataString(segment) : segment.ToString();
    }
}
