using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace PassBroker.Http.Edge;

/// <summary>
/// The one key every per-client limit counts by, and the name security log lines give a client: an IPv4 address as it
/// is (an IPv4-mapped IPv6 address as its IPv4), an IPv6 address as its network of <c>Http:Ipv6GroupPrefixLength</c>
/// bits (default /64). A subscriber's line usually gets a whole /64 and may pick any address in it, so per-address
/// counting would let one line rotate through 2^64 fresh budgets.
/// </summary>
public sealed class ClientAddressGroups(IOptions<HttpOptions> options)
{
    private readonly int _ipv6PrefixLength = options.Value.Ipv6GroupPrefixLength;

    /// <summary>The group of the request's client, as the forwarded-headers middleware left the connection.</summary>
    public string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress
        ?? throw new InvalidOperationException("The host did not provide the client's IP address; PassBroker cannot count requests without it."));

    public string Of(IPAddress address) => GroupOf(address, _ipv6PrefixLength);

    /// <param name="address">The client's address.</param>
    /// <param name="ipv6PrefixLength">Bits of an IPv6 address that name its group (32-128).</param>
    public static string GroupOf(IPAddress address, int ipv6PrefixLength)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        for (var bit = ipv6PrefixLength; bit < 128; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }
        // Without the scope id: fe80::1%eth0 and fe80::1%eth1 are one client as far as counting goes.
        return $"{new IPAddress(bytes)}/{ipv6PrefixLength}";
    }
}
