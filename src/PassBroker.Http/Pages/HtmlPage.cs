using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace PassBroker.Http.Pages;

/// <summary>The pages' shared layout and headers. Everything they load comes from PassBroker (no CDN), except MVPD logos.</summary>
internal static class HtmlPage
{
    // No script at all; logos are the MVPDs' (Adobe's configuration) and https only. No form-action: after the
    // picker's POST the browser is redirected to Adobe, and Chromium applies form-action to that redirect too.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' https: data:; frame-ancestors 'none'; base-uri 'none'";

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <param name="title">The page title, plain text.</param>
    /// <param name="body">The inside of <c>main</c>, already encoded HTML.</param>
    public static string Render(string title, string body) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)} · TV sign-in</title>
        <link rel="stylesheet" href="/{Routes.AuthnStylesheet}">
        </head>
        <body>
        <main>
        {body}
        </main>
        </body>
        </html>
        """;

    public static IResult Result(string html, int status = StatusCodes.Status200OK) => new PageResult(html, status);

    private sealed class PageResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            var headers = response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Pages may carry a code (in the URL or the form): keep it out of caches and out of Referer headers sent to
            // the logo hosts and Adobe.
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            return response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
