using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PassBroker.Core.Errors;

namespace PassBroker.Http.Problems;

/// <summary>
/// Bodiless error answers (404 and 405 from routing, 413, 415) become Problem Details with codes. The same check
/// after the answer as <c>UseStatusCodePages</c> (not started, 400–599, no length, no content type), without its
/// per-request <c>IStatusCodePagesFeature</c>: an object and a slot in every request's feature collection, there so a
/// handler could turn the pages off, which no PassBroker route does. A successful answer passes allocation-free.
/// </summary>
public static class StatusProblems
{
    public static IApplicationBuilder UseStatusProblems(this IApplicationBuilder app) => app.Use(next => context =>
    {
        var answered = next(context);
        return answered.IsCompletedSuccessfully ? WriteIfBodiless(context) : AfterAsync(answered, context);
    });

    private static async Task AfterAsync(Task answered, HttpContext context)
    {
        await answered;
        await WriteIfBodiless(context);
    }

    private static Task WriteIfBodiless(HttpContext context)
    {
        var response = context.Response;
        return response.HasStarted || response.StatusCode is < 400 or >= 600 || response.ContentLength.HasValue || !string.IsNullOrEmpty(response.ContentType)
            ? Task.CompletedTask
            : Write(context);
    }

    private static Task Write(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var (code, title) = status switch
        {
            StatusCodes.Status404NotFound => (ErrorCodes.RouteNotFound, "No such route."),
            StatusCodes.Status405MethodNotAllowed => (ErrorCodes.MethodNotAllowed, "This route does not accept that method."),
            StatusCodes.Status413PayloadTooLarge => (ErrorCodes.PayloadTooLarge, "The request body is too large."),
            StatusCodes.Status415UnsupportedMediaType => (ErrorCodes.UnsupportedMediaType, "Send the body as application/json."),
            _ => (ErrorCodes.BadRequest, "The request could not be served."),
        };
        return ProblemResults.Status(context, status, code, title).ExecuteAsync(context);
    }
}
