using System.ComponentModel.DataAnnotations;
using PassBroker.Http.Edge;

namespace PassBroker.Http;

/// <summary>
/// The HTTP edge.
/// <code>
/// "Http": { "MaxRequestBodyBytes": 16384, "MaxResourcesBodyBytes": 1048576,
///           "KnownProxies": [ "10.0.0.4", "10.1.0.0/16" ], "PlatformProxy": "None", "Ipv6GroupPrefixLength": 64 }
/// </code>
/// </summary>
public sealed class HttpOptions : IValidatableObject
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
    /// Reverse proxies whose <c>X-Forwarded-For</c> is trusted: IP addresses (<c>10.0.0.4</c>) or CIDR networks
    /// (<c>10.1.0.0/16</c>). Nobody else's is, loopback included: a caller that may name its own address escapes
    /// every per-client limit.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>
    /// The hosting platform's own hop, trusted besides <see cref="KnownProxies"/>. Unset, each host picks its own: the
    /// Functions app <see cref="Edge.PlatformProxy.FunctionsHost"/>, the DevHost <see cref="Edge.PlatformProxy.None"/>.
    /// </summary>
    public PlatformProxy? PlatformProxy { get; set; }

    /// <summary>
    /// IPv6 clients are counted per network of this prefix length by every per-client limit: one subscriber usually
    /// holds a whole /64 and can use any address in it, so counting addresses would count nothing.
    /// </summary>
    [Range(32, 128)]
    public int Ipv6GroupPrefixLength { get; set; } = 64;

    /// <summary>Removed: it let any caller choose its own address. Still read, so a deployment that sets it fails to start
    /// instead of silently trusting nobody.</summary>
    public bool TrustForwardedHeadersFromAnyProxy { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TrustForwardedHeadersFromAnyProxy)
        {
            yield return new ValidationResult(
                "Http:TrustForwardedHeadersFromAnyProxy was removed: it let any caller choose its own address. List the proxies " +
                "in Http:KnownProxies (addresses or CIDR networks); the Functions app trusts the Functions host by Http:PlatformProxy.",
                [nameof(TrustForwardedHeadersFromAnyProxy)]);
        }
        foreach (var proxy in KnownProxies)
        {
            if (!TrustedProxies.TryParse(proxy, out _))
            {
                yield return new ValidationResult($"Http:KnownProxies: '{proxy}' is neither an IP address nor a CIDR network.", [nameof(KnownProxies)]);
            }
        }
    }
}
