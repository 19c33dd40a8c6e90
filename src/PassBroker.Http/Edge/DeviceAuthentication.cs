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
        var header = request.Headers[HeaderNames.Authorization].ToString().Trim();
        var token = header.Length == 0 ? null
            : header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim()
            : ""; // another scheme, or "Bearer" alone: present but not a device token
        var device = await authenticator.AuthenticateAsync(token, cancellationToken);
        RequestLogScope.SetDevice(request.HttpContext, device.DeviceKey);
        return device;
    }
}
