using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Decisions.Rules;

/// <summary>
/// Denies, before Adobe is asked, the resources <see cref="ResourceAccessOptions"/> (the device's brand's) does not let
/// this service play.
/// </summary>
public sealed class ResourceAccessRule : IAuthorizationRule
{
    public const string DeniedCode = "resource_not_allowed";

    // Per brand, built once: the lists are fixed at startup, and this runs on every authorize.
    private readonly FrozenDictionary<string, (HashSet<string> Allow, HashSet<string> Deny)> _lists;

    public ResourceAccessRule(IOptionsMonitor<ResourceAccessOptions> options, BrandCatalog brands) =>
        _lists = brands.All.ToFrozenDictionary(brand => brand, brand => Lists(options.Get(brand)), StringComparer.Ordinal);

    public string Name => "resource-access";

    public ValueTask<Decision?> BeforeUpstreamAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        // A stored device may name a brand since removed from the configuration: the default brand's lists apply.
        var (allow, deny) = _lists.GetValueOrDefault(request.Device.Brand, _lists[BrandKeys.Default]);
        var reason = deny.Contains(request.Resource) ? "is on the deny list"
            : allow.Count > 0 && !allow.Contains(request.Resource) ? "is not on the allow list"
            : null;
        return ValueTask.FromResult(reason is null ? null : RuleDenials.Deny(request, DeniedCode,
            "This title is not available on this service.", $"Denied by rule {Name}: the resource {reason}."));
    }

    public ValueTask<Decision> AfterUpstreamAsync(AuthorizationRequest request, Decision decision, CancellationToken cancellationToken) =>
        ValueTask.FromResult(decision);

    private static (HashSet<string>, HashSet<string>) Lists(ResourceAccessOptions options) =>
        (new(options.Allow, StringComparer.Ordinal), new(options.Deny, StringComparer.Ordinal));
}
