using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator.Decisions;

/// <summary>
/// Decides resources for one decisions request as the emulated MVPD would: from the entitlements of the test user
/// whose login created the device's profile. Without a profile every item is <c>authenticated_profile_missing</c>
/// (<c>authenticated_profile_expired</c> once it has expired), item-level (adobe-pass-v2.md section 10, question 17:
/// the decisions pages list no HTTP 403).
/// </summary>
internal sealed class DecisionMaker
{
    private readonly DeviceKey _device;
    private readonly string _mvpd;
    private readonly DecisionKind _kind;
    private readonly EmulatorServices _services;
    private readonly StoredProfile? _profile;
    private readonly TestUserOptions? _user;
    private readonly DateTimeOffset _now;

    public DecisionMaker(DeviceKey device, string mvpd, DecisionKind kind, EmulatorServices services)
    {
        _device = device;
        _mvpd = mvpd;
        _kind = kind;
        _services = services;
        _profile = services.State.FindProfile(device, mvpd);
        _user = services.Settings.FindUser(_profile?.Username);
        _now = services.Time.GetUtcNow();
    }

    public DecisionResponse Decide(string resource)
    {
        if (_profile is null)
        {
            return Undecided(resource, EnhancedErrors.AuthenticatedProfileMissing(_mvpd));
        }

        if (!_profile.IsValid(_now))
        {
            return Undecided(resource, EnhancedErrors.AuthenticatedProfileExpired(_mvpd));
        }

        return EffectiveKind(_profile, resource) switch
        {
            EntitlementKind.Deny => Deny(resource, _kind == DecisionKind.Authorize
                ? EnhancedErrors.AuthorizationDeniedByMvpd(DenyDetails(resource))
                : EnhancedErrors.PreauthorizationDeniedByMvpd(DenyDetails(resource))),
            EntitlementKind.ParentalControls => Deny(resource, EnhancedErrors.AuthorizationDeniedByParentalControls()),
            EntitlementKind.Timeout => Undecided(resource, EnhancedErrors.NetworkConnectionTimeout(_mvpd)),
            _ => Permit(resource),
        };
    }

    private EntitlementKind EffectiveKind(StoredProfile profile, string resource)
    {
        var entitlement = Entitlement.For(_user, resource);
        if (entitlement.Kind != EntitlementKind.TimeoutThenPermit)
        {
            return entitlement.Kind;
        }

        return _services.State.CountDecisionRequest(profile, resource) <= entitlement.Timeouts
            ? EntitlementKind.Timeout
            : EntitlementKind.Permit;
    }

    private DecisionResponse Permit(string resource)
    {
        var token = _kind == DecisionKind.Authorize ? MediaTokens.IssueAndRecord(_services, _device, _mvpd, resource, _now) : null;
        return Decided(resource, authorized: true, token, error: null);
    }

    // The MVPD said no: still a decision with its authZ TTL, as in Adobe's authorize deny sample.
    private DecisionResponse Deny(string resource, EnhancedError error) => Decided(resource, authorized: false, token: null, error);

    private DecisionResponse Decided(string resource, bool authorized, MediaTokenResponse? token, EnhancedError? error) => new(
        resource,
        _device.ServiceProvider,
        _mvpd,
        DecisionResponse.MvpdSource,
        authorized,
        _now.ToUnixTimeMilliseconds(),
        (_now + _services.Settings.DecisionLifetime).ToUnixTimeMilliseconds(),
        token,
        error);

    // No MVPD answer to keep (no profile, or the MVPD timed out): no validity window, so nobody caches the failure.
    private DecisionResponse Undecided(string resource, EnhancedError error) => new(
        resource, _device.ServiceProvider, _mvpd, DecisionResponse.MvpdSource, Authorized: false, null, null, null, error);

    // The free text an MVPD attaches to a deny, which Adobe passes on as "details" (adobe-pass-v2.md section 8.1).
    private static string DenyDetails(string resource) =>
        $"Your subscription package does not include \"{resource}\". Call us to upgrade your package.";
}
