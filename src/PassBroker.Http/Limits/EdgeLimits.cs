using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PassBroker.Core.Errors;
using PassBroker.Http.Edge;
using PassBroker.Http.Telemetry;

namespace PassBroker.Http.Limits;

/// <summary>
/// The limits a route asks before it makes PassBroker spend at Adobe (see <see cref="LimitsOptions"/>). Over a limit the
/// request ends here as <c>429 rate_limited</c> with <c>Retry-After</c>, logged and counted as a security event.
/// </summary>
public sealed class EdgeLimits : IDisposable
{
    private readonly ClientLimiter _registrations;
    private readonly ClientLimiter _signIns;
    private readonly ClientAddressGroups _groups;
    private readonly SecurityEvents _events;

    public EdgeLimits(IOptions<LimitsOptions> options, ClientAddressGroups groups, SecurityEvents events)
    {
        var limits = options.Value;
        _registrations = new ClientLimiter(limits.RegistrationsPerClient, limits.RegistrationsPerInstance, limits.RegistrationWindow);
        _signIns = new ClientLimiter(limits.SignInsPerClient, limits.SignInsPerInstance, limits.SignInWindow);
        _groups = groups;
        _events = events;
    }

    /// <summary>Counts a device registration; throws the 429 when it is one too many.</summary>
    public void AdmitRegistration(HttpContext context) =>
        Admit(context, _registrations, SecurityEventNames.RegistrationLimited, "device registrations");

    /// <summary>Counts a sign-in start; throws the 429 when it is one too many.</summary>
    public void AdmitSignIn(HttpContext context) =>
        Admit(context, _signIns, SecurityEventNames.SignInLimited, "sign-ins");

    public void Dispose()
    {
        _registrations.Dispose();
        _signIns.Dispose();
    }

    private void Admit(HttpContext context, ClientLimiter limiter, string limitEvent, string what)
    {
        var group = _groups.Of(context);
        if (limiter.TryEnter(group) is not { } refusal)
        {
            return;
        }
        _events.Limited(limitEvent, refusal, group);
        var seconds = Math.Max(1, (int)Math.Ceiling(refusal.RetryAfter.TotalSeconds));
        var detail = refusal.Scope == LimitScope.Client
            ? $"Too many {what} from this network; try again in {seconds.ToString(CultureInfo.InvariantCulture)} seconds."
            : $"PassBroker takes no more {what} for now; try again in {seconds.ToString(CultureInfo.InvariantCulture)} seconds.";
        throw new PassBrokerException(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests.", detail)
        {
            RetryAfterSeconds = seconds,
        };
    }
}
