using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Telemetry;
using PassBroker.Http.Limits;

namespace PassBroker.Http.Telemetry;

/// <summary>
/// What an attack on the edge looks like to operators: each failed code entry, refused admin credential and limit hit
/// is a Warning naming the client's address group (never the code or key tried) and one count of
/// <c>passbroker.security.events</c> in the <c>PassBroker</c> meter, tagged by a bounded <c>passbroker.security.event</c>
/// (and <c>passbroker.limit.scope</c> for limit hits), so an alert can watch the rate without reading logs.
/// </summary>
public sealed class SecurityEvents
{
    public const string CounterName = "passbroker.security.events";
    public const string EventTag = "passbroker.security.event";
    public const string ScopeTag = "passbroker.limit.scope";

    private readonly ILogger<SecurityEvents> _logger;
    private readonly Counter<long> _events;

    public SecurityEvents(ILogger<SecurityEvents> logger, IMeterFactory meterFactory)
    {
        _logger = logger;
        _events = meterFactory.Create(PassBrokerTelemetry.Name).CreateCounter<long>(CounterName, "{event}",
            "Security events at the edge: failed second-screen code entries, refused admin credentials, and requests refused by a limit; by event (and limit scope).");
    }

    /// <summary>A code typed on <c>/authn</c> was unknown, expired, replaced or another programmer's.</summary>
    public void CodeEntryFailed(string clientGroup)
    {
        _logger.CodeEntryFailed(clientGroup);
        Count(SecurityEventNames.CodeEntryFailed);
    }

    /// <summary>An admin route was called without the admin key, with a wrong one, or with a device token.</summary>
    /// <param name="clientGroup">The caller's address group.</param>
    /// <param name="code">The refusal's problem code (which of the three).</param>
    public void AdminCredentialRefused(string clientGroup, string code)
    {
        _logger.AdminCredentialRefused(code, clientGroup);
        Count(SecurityEventNames.AdminCredentialFailed);
    }

    /// <summary>A request a limit refused.</summary>
    /// <param name="limitEvent">One of the <c>*_limited</c> <see cref="SecurityEventNames"/>.</param>
    /// <param name="refusal">Which count refused, and for how long.</param>
    /// <param name="clientGroup">The client's address group.</param>
    public void Limited(string limitEvent, LimitRefusal refusal, string clientGroup)
    {
        var scope = refusal.Scope == LimitScope.Client ? "client" : "instance";
        _logger.RequestLimited(limitEvent, scope, clientGroup, (int)Math.Ceiling(refusal.RetryAfter.TotalSeconds));
        Count(limitEvent, scope);
    }

    private void Count(string name, string? scope = null)
    {
        var tags = new TagList { { EventTag, name } };
        if (scope is not null)
        {
            tags.Add(ScopeTag, scope);
        }
        _events.Add(1, tags);
    }
}

/// <summary>The values of <see cref="SecurityEvents.EventTag"/>: a closed set.</summary>
public static class SecurityEventNames
{
    public const string CodeEntryFailed = "code_entry_failed";
    public const string CodeEntryLimited = "code_entry_limited";
    public const string AdminCredentialFailed = "admin_credential_failed";
    public const string RegistrationLimited = "registration_limited";
    public const string SignInLimited = "signin_limited";
}
