using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Functions.Edge;
using PassBroker.Http;

namespace PassBroker.Functions.Api;

internal sealed class DevicesFunctions(HttpSurface surface)
{
    // Anonymous: this is how a device gets its token. A function key would ship inside every app and protect nothing.
    [Function(nameof(RegisterDevice))]
    public Task<IActionResult> RegisterDevice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Devices)] HttpRequest request) =>
        surface.ServeAsync(request, Routes.Devices);
}
