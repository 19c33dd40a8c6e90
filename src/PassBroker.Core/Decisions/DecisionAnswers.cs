using PassBroker.Core.Profiles;
using PassBroker.Core.TempPass;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Decisions;

/// <summary>
/// Separates answers from failures, by the error's <c>action</c>: a permit, or a deny the user should see
/// (action <c>none</c>: denied by the MVPD, parental controls, a degradation rule, or one of our rules) is an answer;
/// <c>authentication</c>, <c>retry</c>, <c>configuration</c> and <c>application-registration</c> are not, and become
/// the matching problem (403 sign in, 503 try later, 502 operators) through <see cref="AdobePassException"/>.
/// </summary>
public static class DecisionAnswers
{
    public static bool IsAnswer(Decision decision) =>
        decision.Authorized
        // A used-up Temp Pass says "authentication" (sign in with a real MVPD), but to the user it is a deny with a reason.
        || TempPassCodes.IsLimit(decision.Error?.Code)
        // A 400 (say, invalid_parameter_mvpd) is about the request, not the resource, even with action none.
        || (decision.Error?.Action is null or UpstreamActions.None or UpstreamActions.Authorization && decision.Error?.Status != 400);

    /// <summary>
    /// Throws the failure <paramref name="decision"/> stands for, unless it is an answer. When Adobe says the profile is
    /// gone (action <c>authentication</c>: expired early, or logged out elsewhere), the device's cached profiles and
    /// permits are forgotten first, so the next request does not trust them either.
    /// </summary>
    public static async Task ThrowUnlessAnswerAsync(Decision decision, string deviceKey, AuthenticationCaches caches, CancellationToken cancellationToken)
    {
        if (IsAnswer(decision))
        {
            return;
        }
        if (decision.Error?.Action == UpstreamActions.Authentication)
        {
            await caches.ForgetAsync(deviceKey, cancellationToken);
        }
        throw new AdobePassException(UpstreamFailure.Rejected, decision.Error!.Status, decision.Error);
    }

    /// <summary>For lists: a failure only when no item is an answer (e.g. no profile: every item says authenticate).</summary>
    public static Task ThrowUnlessAnyAnswerAsync(IReadOnlyList<Decision> decisions, string deviceKey, AuthenticationCaches caches, CancellationToken cancellationToken) =>
        decisions.Count > 0 && !decisions.Any(IsAnswer)
            ? ThrowUnlessAnswerAsync(decisions[0], deviceKey, caches, cancellationToken)
            : Task.CompletedTask;
}
