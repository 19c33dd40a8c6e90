using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace PassBroker.Http.Edge;

/// <summary>Reads <c>Authorization: Bearer &lt;deviceToken&gt;</c> for the device binders (<c>AuthenticatedDevice</c>, <c>PresentedDeviceToken</c>).</summary>
public static class DeviceAuthentication
{
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
