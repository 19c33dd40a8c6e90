using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Http.Pages.Branding;

namespace PassBroker.Http.Pages;

/// <summary>
/// The pages' shared layout and headers. Everything they load comes from PassBroker (no CDN), except MVPD logos, from
/// the hosts <see cref="AuthnPagePolicy"/> allows.
/// </summary>
internal static class HtmlPage
{
    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <param name="look">The brand's look: its stylesheet, name and logo.</param>
    /// <param name="title">The page title, plain text.</param>
    /// <param name="body">The inside of <c>main</c>, already encoded HTML.</param>
    /// <param name="head">More of <c>head</c>, already encoded HTML.</param>
    public static string Render(BrandLook look, string title, string body, string head = "") => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)} · {Encode(look.Name ?? "TV sign-in")}</title>
        <link rel="stylesheet" href="{Encode(look.StylesheetHref)}">
        {head}
        </head>
        <body>
        <main>
        {Header(look)}{body}
        </main>
        </body>
        </html>
        """;

    // The brand's name (and logo, decorative next to it) above each page; nothing for a brand that sets neither.
    private static string Header(BrandLook look) => (look.Name, look.LogoUrl) switch
    {
        (null, null) => "",
        var (name, logo) => $"""
            <header class="brand">{(logo is null ? "" : $"""<img src="{Encode(logo)}" alt="">""")}<span class="brand-name">{Encode(name)}</span></header>

            """,
    };

    public static IResult Result(string html, int status = StatusCodes.Status200OK) => new PageResult(_ => html, status);

    /// <summary>A page whose markup depends on the policy (the picker's logos): rendered with the policy its header states.</summary>
    public static IResult Result(Func<AuthnPagePolicy, string> render, int status = StatusCodes.Status200OK) => new PageResult(render, status);

    private sealed class PageResult(Func<AuthnPagePolicy, string> render, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var policy = httpContext.RequestServices.GetRequiredService<AuthnPagePolicy>();
            var html = render(policy);
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            var headers = response.Headers;
            headers.ContentSecurityPolicy = policy.ContentSecurityPolicy;
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
