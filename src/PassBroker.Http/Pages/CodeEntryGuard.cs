using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PassBroker.Core.SecondScreen;
using PassBroker.Http.Edge;
using PassBroker.Http.Telemetry;

namespace PassBroker.Http.Pages;

/// <summary>
/// What the second-screen page does about code guessing: counts each submission against the client's limit
/// (<see cref="CodeEntryLimiter"/>, by address group) and reports limit hits and failed codes as security events.
/// </summary>
public sealed class CodeEntryGuard(CodeEntryLimiter limiter, ClientAddressGroups groups, SecurityEvents events, ILogger<CodeEntryGuard> logger)
{
    /// <summary>The pages' logger, for what is not a security event (a dependency that did not answer).</summary>
    public ILogger Logger => logger;

    /// <returns>Null when the submission may go ahead, else how long the client must wait.</returns>
    public TimeSpan? TryEnter(HttpContext context)
    {
        var group = groups.Of(context);
        if (limiter.TryEnter(group) is not { } wait)
        {
            return null;
        }
        events.Limited(SecurityEventNames.CodeEntryLimited, new Limits.LimitRefusal(Limits.LimitScope.Client, wait), group);
        return wait;
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
}
