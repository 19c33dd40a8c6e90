using System.Text.Json;

namespace PassBroker.Emulator.Infrastructure;

/// <summary>
/// The device a request names in <c>AP-Device-Identifier</c> (decoded) and <c>X-Device-Info</c> (parsed), as
/// <see cref="RequiredHeadersMiddleware"/> checked them. A handler takes it as a parameter instead of reading headers.
/// </summary>
internal sealed record RequestDevice(string DeviceId, JsonElement Info)
{
    public static ValueTask<RequestDevice?> BindAsync(HttpContext context) => ValueTask.FromResult<RequestDevice?>(
        context.Features.Get<RequestDevice>()
        ?? throw new InvalidOperationException($"{context.Request.Path}: the route's RequiredHeaders row must require the device headers."));
}
