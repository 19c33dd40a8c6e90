using Microsoft.Extensions.Options;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Decisions.Rules;

/// <summary>
/// Denies, before Adobe is asked, the resources <see cref="ResourceAccessOptions"/> does not let this service play.
/// </summary>
public sealed class ResourceAccessRule(IOptions<ResourceAccessOptions> options) : IAuthorizationRule
{
    public const string DeniedCode = "resource_not_allowed";

    private readonly HashSet<string> _allow = new(options.Value.Allow, StringComparer.Ordinal);
    private readonly HashSet<string> _deny = new(options.Value.Deny, StringComparer.Ordinal);

    public string Name => "resource-access";

    public ValueTask<Decision?> BeforeUpstreamAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        var reason = _deny.Contains(request.Resource) ? "is on the deny list"
            : _allow.Count > 0 && !_allow.Contains(request.Resource) ? "is not on the allow list"
            : null;
        return ValueTask.FromResult(reason is null ? null : RuleDenials.Deny(request, DeniedCode,
            "This title is not available on this service.", $"Denied by rule {Name}: the resource {reason}."));
    }

    public ValueTask<Decision> AfterUpstreamAsync(AuthorizationRequest request, Decision decision, CancellationToken cancellationToken) =>
        ValueTask.FromResult(decision);
}
