using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace PassBroker.Http.Edge;

/// <summary>
/// Whose <c>X-Forwarded-For</c> PassBroker believes: the configured proxies and the platform's own hop, nobody else.
/// The options are PassBroker's own instance, not the app's shared <see cref="ForwardedHeadersOptions"/>: the Functions
/// worker configures that one for its own middleware (all headers), and <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> would
/// clear its known proxies; neither may widen what PassBroker trusts.
/// </summary>
public static class TrustedProxies
{
    private static readonly IPNetwork[] Loopback = [new(IPAddress.Loopback, 8), new(IPAddress.IPv6Loopback, 128)];

    /// <summary>An address (a network of one) or a CIDR network.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out IPNetwork? network)
    {
        network = null;
        var text = value?.Trim();
        if (IPAddress.TryParse(text, out var address) && !text!.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(address, address.GetAddressBytes().Length * 8);
        }
        else if (IPNetwork.TryParse(text, out var parsed) && WrittenAsItsBase(text!, parsed))
        {
            network = parsed;
        }
        return network is not null;
    }

    // IPNetwork quietly turns 10.1.2.3/16 into 10.1.0.0/16; that is more likely a typo for one address than a way to
    // write the network, so it is refused rather than guessed.
    private static bool WrittenAsItsBase(string text, IPNetwork network) =>
        IPAddress.TryParse(text[..text.IndexOf('/', StringComparison.Ordinal)], out var written) && written.Equals(network.BaseAddress);

    /// <summary>The forwarded-headers settings of PassBroker's pipeline: one trusted hop (<c>ForwardLimit = 1</c>) from
    /// a trusted address, whose <c>X-Forwarded-For</c> names the client.</summary>
    public static ForwardedHeadersOptions ForwardedHeadersOptions(HttpOptions http)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // One hop: the trusted proxy appends (or sets) the address it saw; anything left of it the client wrote.
            ForwardLimit = 1,
        };
        // ASP.NET Core trusts loopback by default; here only what is configured is.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in http.KnownProxies)
        {
            options.KnownIPNetworks.Add(TryParse(proxy, out var network)
                ? network.Value
                : throw new InvalidOperationException("Http:KnownProxies holds an invalid entry (options validation should have refused it)."));
        }
        if (http.PlatformProxy == PlatformProxy.FunctionsHost)
        {
            foreach (var network in Loopback)
            {
                options.KnownIPNetworks.Add(network);
            }
        }
        return options;
    }
}
