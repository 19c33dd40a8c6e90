using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace PassBroker.Functions.Edge;

internal static class HttpResultExtensions
{
    /// <summary>The handler's typed result as what a Functions HTTP trigger returns.</summary>
    public static async Task<IActionResult> AsActionResult<TResult>(this Task<TResult> handler) where TResult : IResult =>
        new HttpResultAction(await handler);

    public static IActionResult AsActionResult(this IResult result) => new HttpResultAction(result);
}
