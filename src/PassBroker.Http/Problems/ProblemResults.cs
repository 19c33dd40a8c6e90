using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PassBroker.Core.Errors;

namespace PassBroker.Http.Problems;

/// <summary>RFC 9457 answers: every one carries a stable <c>code</c> and the request's trace id.</summary>
public static class ProblemResults
{
    public static IResult From(PassBrokerException problem, HttpContext context)
    {
        if (problem.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        if (BearerChallenge.For(problem.Status, problem.Code) is { } challenge)
        {
            context.Response.Headers.WWWAuthenticate = challenge;
        }
        var details = new ProblemDetails
        {
            Status = problem.Status,
            Type = TypeOf(problem.Code),
            Title = problem.Title,
            Detail = problem.Detail,
        };
        details.Extensions["code"] = problem.Code;
        foreach (var (key, value) in problem.Extensions.Where(e => e.Value is not null))
        {
            details.Extensions[key] = value;
        }
        return TypedResults.Problem(details);
    }

    public static IResult Status(HttpContext context, int status, string code, string title) =>
        From(new PassBrokerException(status, code, title), context);

    /// <summary>A URN per code: stable, and it names the code even to clients that only read <c>type</c>.</summary>
    public static string TypeOf(string code) => "urn:passbroker:problem:" + code;
}
