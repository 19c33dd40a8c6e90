using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Errors;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Decisions.Rules;

/// <summary>
/// Caps the titles a device plays at once (<see cref="ConcurrentPlaysOptions"/>, the device's brand's). A new title is denied before Adobe is
/// asked while the device holds the most leases allowed; a title the device already plays is always allowed again.
/// <para>
/// Lease writes: a permit of a title whose lease is fresh (less than <see cref="ConcurrentPlaysOptions.RenewAfter"/> of
/// it gone) writes nothing, so a play counts for <c>PlayLease - RenewAfter</c> to <c>PlayLease</c> after its last
/// authorize. A new title's lease, or a renewal, is written while Adobe is asked instead of after: a deny, a later
/// rule's deny or a failure takes that write back (the previous lease restored, or the new one deleted), conditional on
/// the write's own version so a concurrent permit of the same title keeps its lease. An instance that stops between
/// the write and the undo leaves the lease to run out.
/// </para>
/// <para>
/// Races: two authorizes for new titles at the same instant may both pass. While Adobe is asked, the title being asked
/// already counts on every instance that reads the table (it may deny another new title that would have passed had
/// Adobe answered first). Each instance decides from its own copy of the device's leases
/// (<see cref="InstanceCaching.CachingPlayStore"/>, refreshed every <c>InstanceCache:PlayLifetime</c>): plays another
/// instance started are counted there that much later, and a lease another instance ended (logout) may be taken for
/// fresh there and not written again until that copy is read again.
/// </para>
/// </summary>
public sealed class ConcurrentPlaysRule(IPlayStore plays, IOptionsMonitor<ConcurrentPlaysOptions> options, TimeProvider time, ILogger<ConcurrentPlaysRule> logger)
    : IAuthorizationRule
{
    public const string DeniedCode = "too_many_concurrent_plays";

    public string Name => "concurrent-plays";

    public async ValueTask<Decision?> BeforeUpstreamAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var limits = options.Get(request.Device.Brand);
        var active = await plays.ListActiveAsync(request.Device.DeviceKey, now, cancellationToken);
        var current = Find(active, request.Resource);
        if (current is null && active.Count >= limits.MaxConcurrentPlays)
        {
            return Denied(request, active, limits);
        }
        if (current is not null && current.LeaseEnds > now + limits.PlayLease - limits.RenewAfter)
        {
            // Fresh: the lease stands for long enough without a write.
            return null;
        }
        // Started now, awaited in CompletedAsync: the write overlaps Adobe's answer instead of following it.
        var write = plays.RecordAsync(request.Device.DeviceKey, request.Resource, now + limits.PlayLease, cancellationToken);
        request.SetNote(Name, new LeaseWrite(write, current));
        return null;
    }

    public ValueTask<Decision> AfterUpstreamAsync(AuthorizationRequest request, Decision decision, CancellationToken cancellationToken) =>
        ValueTask.FromResult(decision);

    public async ValueTask CompletedAsync(AuthorizationRequest request, Decision? final, CancellationToken cancellationToken)
    {
        if (request.GetNote<LeaseWrite>(Name) is not { } pending)
        {
            return;
        }
        if (final is { Authorized: true })
        {
            // A permit needs its lease: a failed write fails the authorize, as when the write followed the permit.
            await pending.Write;
            return;
        }
        string? version = null;
        try
        {
            version = await pending.Write;
        }
        catch (Exception e) when (e is StoreUnavailableException or OperationCanceledException)
        {
            // It may have landed all the same: take back whatever is there.
        }
        try
        {
            // Not the request's token: an aborted request must not leave its lease behind.
            await plays.RestoreAsync(request.Device.DeviceKey, request.Resource, pending.Previous, version, CancellationToken.None);
        }
        catch (StoreUnavailableException e)
        {
            logger.PlayLeaseNotTakenBack(request.Device.DeviceKey, e.Message);
        }
    }

    private static ActivePlay? Find(IReadOnlyList<ActivePlay> active, string resource)
    {
        // A loop, not LINQ: this runs on every authorize, and a device holds a handful of leases.
        for (var i = 0; i < active.Count; i++)
        {
            if (active[i].Resource == resource)
            {
                return active[i];
            }
        }
        return null;
    }

    private Decision Denied(AuthorizationRequest request, IReadOnlyList<ActivePlay> active, ConcurrentPlaysOptions limits)
    {
        var nextFree = active.Min(play => play.LeaseEnds).ToString("O", CultureInfo.InvariantCulture);
        return RuleDenials.Deny(request, DeniedCode,
            "This device is already playing as many titles as it may at once. Please try again later.",
            $"Denied by rule {Name}: at most {limits.MaxConcurrentPlays} titles play at once per device, and {active.Count} " +
            $"are active; a play counts for {limits.PlayLease} after its last authorization, so the next one ends at {nextFree}.");
    }

    /// <summary>A lease write started before Adobe was asked, and the lease it replaced (null: the title had none).</summary>
    private sealed record LeaseWrite(Task<string?> Write, ActivePlay? Previous);
}
