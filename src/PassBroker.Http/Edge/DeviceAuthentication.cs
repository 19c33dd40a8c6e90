using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PassBroker.Core.Devices;
using PassBroker.Http.Telemetry;

namespace PassBroker.Http.Edge;

/// <summary>Reads <c>Authorization: Bearer &lt;deviceToken&gt;</c> and resolves the device, or fails with 401.</summary>
public static class DeviceAuthentication
{
    public static async Task<DeviceRecord> RequireDeviceAsync(this DeviceAuthenticator authenticator, HttpRequest request, CancellationToken cancellationToken)
    {
        var device = await authenticator.AuthenticateAsync(BearerToken(request), cancellationToken);
        RequestLogScope.SetDevice(request.HttpContext, device.DeviceKey);
        return device;
    }

    /// <summary>
    /// The presented device token: null when the request carries no <c>Authorization</c> header, empty when it carries
    /// something that is not a bearer token (another scheme, or "Bearer" alone), so that it is refused rather than ignored.
    /// </summary>
    /// <param name="request">The request.</param>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString().Trim();
        return header.Length == 0 ? null
            : header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim()
            : "";
    }
}
