using Microsoft.AspNetCore.Http;

namespace PassBroker.Http.Pages.Branding;

/// <summary>
/// The pages' one stylesheet (<c>/authn/authn.css</c>), served by PassBroker itself (no CDN): the built-in one, or a
/// brand's (<c>?brand=</c>). The pages link it with its version (<c>&amp;v=</c>, a hash of its text), which may be cached
/// for good; a link without it, or with an old one, is revalidated against the ETag at each use.
/// </summary>
internal static class BrandStylesheet
{
    public const string VersionParameter = "v";

    public static IResult Serve(HttpRequest request, BrandLooks looks)
    {
        var look = looks.ForRequest(request);
        var etag = $"\"{look.Version}\"";
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = request.Query[VersionParameter] == look.Version ? "public, max-age=31536000, immutable" : "public, no-cache";
        headers.ETag = etag;
        return request.Headers.IfNoneMatch.Any(v => v is not null && v.Contains(etag, StringComparison.Ordinal))
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Text(look.Stylesheet, "text/css; charset=utf-8");
    }
}
