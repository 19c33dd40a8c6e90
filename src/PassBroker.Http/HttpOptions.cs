using System.ComponentModel.DataAnnotations;

namespace PassBroker.Http;

/// <summary>
/// The HTTP edge.
/// <code>
/// "Http": { "MaxRequestBodyBytes": 16384, "MaxResourcesBodyBytes": 1048576,
///           "TrustForwardedHeadersFromAnyProxy": false, "KnownProxies": [ "10.0.0.4" ] }
/// </code>
/// </summary>
public sealed class HttpOptions
{
    public const string SectionName = "Http";

    /// <summary>Largest request body accepted; PassBroker's requests are a few hundred bytes.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Largest body of the decisions routes, whose resources may be MRSS documents: room for the default 100
    /// resources of up to 8,192 characters each.
    /// </summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxResourcesBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Take the device's IP and port from <c>X-Forwarded-For</c> whoever sent it. Only for deployments whose sole
    /// ingress is a trusted front end (Azure's Functions front end); otherwise a device could claim any IP.
    /// Loopback proxies are always trusted.
    /// </summary>
    public bool TrustForwardedHeadersFromAnyProxy { get; set; }

    /// <summary>Reverse proxies (IP addresses) whose <c>X-Forwarded-For</c> is trusted.</summary>
    public string[] KnownProxies { get; set; } = [];
}
