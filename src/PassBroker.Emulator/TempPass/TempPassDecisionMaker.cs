using PassBroker.Emulator.Decisions;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator.TempPass;

/// <summary>
/// Decisions for a TempPass MVPD (adobe-pass-v2.md sections 5.2 and 6): no login and no MVPD, <c>source: "temppass"</c>,
/// and the limits as item-level errors in an HTTP 200.
/// </summary>
/// <remarks>
/// Authorize starts the trial (the first one starts the clock) and, for promotional TempPass, spends one of the
/// distinct resources. Preauthorize only reads: it never starts the clock or spends a resource, because it is
/// informative and must not use up a viewer's titles while the app filters its catalogue. Before any trial exists it
/// permits, since the first authorize would start one. A promotional trial with titles left permits every resource
/// (section 5.2: "while the TempPass is valid"); once all are used it permits only the titles already used.
/// </remarks>
internal sealed class TempPassDecisionMaker(DeviceKey device, MvpdOptions mvpd, DecisionKind kind, EmulatorServices services)
{
    private readonly DateTimeOffset _now = services.Time.GetUtcNow();

    /// <param name="identityHeader">
    /// <c>AP-TempPass-Identity</c>. Required on promotional authorize; optional on promotional preauthorize (the [SPEC]
    /// lists it, the [DOC] does not: section 10, question 13), where a bad value is still an error.
    /// </param>
    /// <param name="resources">The requested resources, in request order.</param>
    public DecisionResponse[] Decide(string? identityHeader, IReadOnlyList<string> resources)
    {
        if (mvpd.TempPass is not { } options)
        {
            return Fail(resources, EnhancedErrors.InvalidConfigurationTemporaryAccess(mvpd.Id));
        }

        string? key = null;
        if (options.IsPromotional
            && !TempPassIdentityHeader.TryRead(identityHeader, options.IdentityKey, out key)
            && (kind == DecisionKind.Authorize || identityHeader is not null))
        {
            return Fail(resources, EnhancedErrors.InvalidHeaderIdentityForTemporaryAccess(options.IdentityKey));
        }

        var identity = new TempPassIdentity(device.ServiceProvider, mvpd.Id, device.DeviceId, key);
        return kind == DecisionKind.Authorize ? Authorize(identity, options, resources) : Preauthorize(identity, options, resources);
    }

    private DecisionResponse[] Authorize(TempPassIdentity identity, TempPassOptions options, IReadOnlyList<string> resources)
    {
        var trial = services.State.StartTempPassTrial(identity, options, out var started);
        if (started)
        {
            services.Logger.TempPassTrialStarted(mvpd.Id, trial.UserId, trial.NotAfter);
        }

        return [.. resources.Select(resource => services.State.UseTempPassResource(trial.UserId, resource, out var used) switch
        {
            TempPassUse.Permitted => Permit(resource, used!.NotAfter, withToken: true),
            TempPassUse.ResourcesLimitExceeded => Deny(resource, EnhancedErrors.TemporaryAccessResourcesLimitExceeded(mvpd.Id, options.MaxResources)),
            _ => Deny(resource, EnhancedErrors.TemporaryAccessDurationLimitExceeded(mvpd.Id)),
        })];
    }

    private DecisionResponse[] Preauthorize(TempPassIdentity identity, TempPassOptions options, IReadOnlyList<string> resources)
    {
        var trial = services.State.FindTempPassTrial(identity);
        return [.. resources.Select(resource => trial switch
        {
            null => Permit(resource, _now + options.Ttl, withToken: false),
            _ when trial.Allows(resource, _now) => Permit(resource, trial.NotAfter, withToken: false),
            _ when trial.IsExpired(_now) => Deny(resource, EnhancedErrors.TemporaryAccessDurationLimitExceeded(mvpd.Id)),
            _ => Deny(resource, EnhancedErrors.TemporaryAccessResourcesLimitExceeded(mvpd.Id, options.MaxResources)),
        })];
    }

    // The decision lasts the authZ TTL, but never past the end of the trial.
    private DecisionResponse Permit(string resource, DateTimeOffset trialEnd, bool withToken)
    {
        var notAfter = _now + services.Settings.DecisionLifetime;
        return new DecisionResponse(
            resource,
            device.ServiceProvider,
            mvpd.Id,
            DecisionResponse.TempPassSource,
            Authorized: true,
            _now.ToUnixTimeMilliseconds(),
            (notAfter < trialEnd ? notAfter : trialEnd).ToUnixTimeMilliseconds(),
            withToken ? MediaTokens.IssueAndRecord(services, device, mvpd.Id, resource, _now) : null,
            Error: null);
    }

    // A limit or a bad request is no decision to keep: no validity window, so nobody caches it.
    private DecisionResponse Deny(string resource, EnhancedError error) => new(
        resource, device.ServiceProvider, mvpd.Id, DecisionResponse.TempPassSource, Authorized: false, null, null, null, error);

    private DecisionResponse[] Fail(IReadOnlyList<string> resources, EnhancedError error) => [.. resources.Select(r => Deny(r, error))];
}
