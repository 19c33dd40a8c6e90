using Microsoft.AspNetCore.Http;
using PassBroker.Core.Devices;

namespace PassBroker.Http.Edge;

/// <summary>
/// The device's IP and source port, from the connection as the forwarded-headers middleware left it (so behind a
/// trusted proxy they come from <c>X-Forwarded-For</c>, which may carry <c>ip:port</c>).
/// </summary>
public static class ClientEndpoints
{
    public static ClientEndpoint From(HttpContext context)
    {
        var connection = context.Connection;
        var ip = connection.RemoteIpAddress
            ?? throw new InvalidOperationException("The host did not provide the client's IP address; PassBroker cannot act for a device without it.");
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }
        return new ClientEndpoint(ip.ToString(), connection.RemotePort > 0 ? connection.RemotePort : null);
    }
}
