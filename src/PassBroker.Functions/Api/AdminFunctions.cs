using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Functions.Edge;
using PassBroker.Http;

namespace PassBroker.Functions.Api;

/// <summary>
/// Operators' routes. Two credentials: the platform's function key (<c>x-functions-key</c>), checked by the Functions
/// host before any of our code runs, and PassBroker's own admin key (secret <c>admin-api-key</c>) as a bearer, checked by the handler.
/// </summary>
internal sealed class AdminFunctions(HttpSurface surface)
{
    [Function(nameof(ResetTempPass))]
    public Task<IActionResult> ResetTempPass(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminTempPassReset)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.AdminTempPassReset);

    [Function(nameof(ResealDataKeys))]
    public Task<IActionResult> ResealDataKeys(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminDataKeysReseal)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.AdminDataKeysReseal);
}
