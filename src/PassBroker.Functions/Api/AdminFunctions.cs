using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Core.TempPass;
using PassBroker.Functions.Edge;
using PassBroker.Http;
using PassBroker.Http.Admin;
using PassBroker.Storage.Encryption;

namespace PassBroker.Functions.Api;

/// <summary>
/// Operators' routes. Two credentials: the platform's function key (<c>x-functions-key</c>), checked by the Functions
/// host before any of our code runs, and PassBroker's own admin key (secret <c>admin-api-key</c>) as a bearer, checked by the handler.
/// </summary>
internal sealed class AdminFunctions(TempPassResetService resets, IDataKeyResealer resealer)
{
    [Function(nameof(ResetTempPass))]
    public Task<IActionResult> ResetTempPass(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminTempPassReset)] HttpRequest request) =>
        AdminApi.ResetTempPassAsync(request, resets, request.HttpContext.RequestAborted).AsActionResult();

    [Function(nameof(ResealDataKeys))]
    public Task<IActionResult> ResealDataKeys(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminDataKeysReseal)] HttpRequest request) =>
        AdminApi.ResealAsync(request, resealer, request.HttpContext.RequestAborted).AsActionResult();
}
