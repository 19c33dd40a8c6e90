using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PassBroker.Emulator.Infrastructure;

/// <summary>Responses with the content types Adobe sends.</summary>
internal static class AdobeResults
{
    // Adobe answers "application/json;charset=UTF-8" (adobe-pass-v2.md section 1.2, notes); clients may compare it verbatim.
    public const string JsonContentType = "application/json;charset=UTF-8";
    public const string HtmlContentType = "text/html; charset=utf-8";

    public static JsonHttpResult<T> Json<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(value, (JsonSerializerOptions?)null, JsonContentType, statusCode);

    public static JsonHttpResult<EnhancedError> Error(EnhancedError error) => Json(error, error.Status);

    public static ContentHttpResult Html(string html, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Content(html, HtmlContentType, statusCode: statusCode);
}
