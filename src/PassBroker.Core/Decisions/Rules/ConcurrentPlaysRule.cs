using System.Globalization;
using Microsoft.Extensions.Options;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Decisions.Rules;

/// <summary>
/// Caps the titles a device plays at once (<see cref="ConcurrentPlaysOptions"/>). Every permit starts or renews a
/// play lease; a new title is denied before Adobe is asked while the device holds the most leases allowed. A title
/// the device already plays is always allowed again. Two authorizes for new titles at the same instant may both pass.
/// </summary>
public sealed class ConcurrentPlaysRule(IPlayStore plays, IOptions<ConcurrentPlaysOptions> options, TimeProvider time) : IAuthorizationRule
{
    public const string DeniedCode = "too_many_concurrent_plays";

    private readonly ConcurrentPlaysOptions _options = options.Value;

    public string Name => "concurrent-plays";

    public async ValueTask<Decision?> BeforeUpstreamAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        var active = await plays.ListActiveAsync(request.Device.DeviceKey, time.GetUtcNow(), cancellationToken);
        if (active.Count < _options.MaxConcurrentPlays || active.Any(play => play.Resource == request.Resource))
        {
            return null;
        }
        var nextFree = active.Min(play => play.LeaseEnds).ToString("O", CultureInfo.InvariantCulture);
        return RuleDenials.Deny(request, DeniedCode,
            "This device is already playing as many titles as it may at once. Please try again later.",
            $"Denied by rule {Name}: at most {_options.MaxConcurrentPlays} titles play at once per device, and {active.Count} " +
            $"are active; a play counts for {_options.PlayLease} after its last authorization, so the next one ends at {nextFree}.");
    }

    public async ValueTask<Decision> AfterUpstreamAsync(AuthorizationRequest request, Decision decision, CancellationToken cancellationToken)
    {
        if (decision.Authorized)
        {
            var leaseEnds = time.GetUtcNow() + _options.PlayLease;
            await plays.RecordAsync(request.Device.DeviceKey, request.Resource, leaseEnds, cancellationToken);
        }
        return decision;
    }
}
