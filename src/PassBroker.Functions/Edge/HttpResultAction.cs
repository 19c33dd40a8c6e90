using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace PassBroker.Functions.Edge;

/// <summary>
/// Runs a minimal-API <see cref="IResult"/> (what PassBroker.Http's handlers return) as an <see cref="IActionResult"/>.
/// The worker's ASP.NET Core integration executes an <see cref="IActionResult"/> returned by a function, but passes any
/// other value (an <see cref="IResult"/> included) to the host as output data: see FunctionsHttpProxyingMiddleware in
/// Azure/azure-functions-dotnet-worker (extensions/Worker.Extensions.Http.AspNetCore).
/// </summary>
internal sealed class HttpResultAction(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context) => Result.ExecuteAsync(context.HttpContext);
}
