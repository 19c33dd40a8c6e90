namespace PassBroker.DevHost.SampleTv;

/// <summary>
/// The sample's answers and their headers. The page follows the <c>/authn</c> pages' discipline and adds what its one
/// script needs, nothing more: scripts, styles and images only from this origin (no inline code, so no nonce or hash
/// is needed), <c>fetch</c> only to this origin's API, and Trusted Types so that no string can ever become HTML or
/// script (the script builds every element with DOM calls and sets text with <c>textContent</c>).
/// </summary>
internal static class SampleTvResults
{
    public const string PageContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'none'; " +
        "frame-ancestors 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

    // The QR code is an image document: nothing in it may load or run, whether it is shown in the page or opened alone.
    public const string SvgContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IResult Page(string html) => new Answer(html, "text/html; charset=utf-8", PageContentSecurityPolicy);

    public static IResult Asset(string text, string contentType) => new Answer(text, contentType, contentSecurityPolicy: null);

    public static IResult Svg(string svg) => new Answer(svg, "image/svg+xml", SvgContentSecurityPolicy);

    private sealed class Answer(string body, string contentType, string? contentSecurityPolicy) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = contentType;
            var headers = response.Headers;
            if (contentSecurityPolicy is not null)
            {
                headers.ContentSecurityPolicy = contentSecurityPolicy;
            }
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // The QR code's URL carries a sign-in code: keep it out of caches and out of Referer headers.
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            return response.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
