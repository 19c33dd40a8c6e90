using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.SecondScreen;
using PassBroker.Http.Edge;
using PassBroker.Http.Limits;
using PassBroker.Http.Telemetry;

namespace PassBroker.Http.Pages;

/// <summary>
/// What the second-screen page does about code guessing: counts each submission against the client's limit (by
/// address group, <see cref="SecondScreenOptions.CodeAttemptsPerIp"/> per window; each instance counts on its own,
/// which still bounds guessing per instance) and reports limit hits and failed codes as security events.
/// </summary>
public sealed class CodeEntryGuard(IOptions<SecondScreenOptions> options, ClientAddressGroups groups, SecurityEvents events, ILogger<CodeEntryGuard> logger)
    : IDisposable
{
    private readonly ClientLimiter _limiter = new(options.Value.CodeAttemptsPerIp, perInstance: null, options.Value.CodeAttemptsWindow);

    /// <summary>The pages' logger, for what is not a security event (a dependency that did not answer).</summary>
    public ILogger Logger => logger;

    /// <returns>Null when the submission may go ahead, else how long the client must wait.</returns>
    public TimeSpan? TryEnter(HttpContext context)
    {
        var group = groups.Of(context);
        if (_limiter.TryEnter(group) is not { } refusal)
        {
            return null;
        }
        events.Limited(SecurityEventNames.CodeEntryLimited, refusal, group);
        return refusal.RetryAfter;
    }

    /// <summary>Reports a code that could not be used; hands the step on unchanged.</summary>
    public SecondScreenStep Observe(SecondScreenStep step, HttpContext context)
    {
        if (step.Outcome == SecondScreenOutcome.InvalidCode)
        {
            events.CodeEntryFailed(groups.Of(context));
        }
        return step;
    }

    public void Dispose() => _limiter.Dispose();
}
