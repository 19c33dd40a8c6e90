using System.Net;
using PassBroker.Core.Devices;

namespace PassBroker.AdobePass.Headers;

/// <summary>
/// <c>X-Forwarded-For: &lt;device IP&gt;</c>: a single address, as in Adobe's S2S examples. Adobe throttles per this
/// value, so it must be the device's own address, never PassBroker's.
/// </summary>
public static class ForwardedForHeader
{
    public static string Encode(ClientEndpoint client) =>
        IPAddress.TryParse(client.IpAddress, out var ip)
            ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
            : throw new ArgumentException("The client endpoint does not hold an IP address.", nameof(client));
}
