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
        decision.Authorized || decision.Error?.Action is null or UpstreamActions.None or UpstreamActions.Authorization;

    public static void ThrowUnlessAnswer(Decision decision)
    {
        if (!IsAnswer(decision))
        {
            throw new AdobePassException(UpstreamFailure.Rejected, decision.Error!.Status, decision.Error);
        }
    }

    /// <summary>For lists: a failure only when no item is an answer (e.g. no profile: every item says authenticate).</summary>
    public static void ThrowUnlessAnyAnswer(IReadOnlyCollection<Decision> decisions)
    {
        if (decisions.Count > 0 && !decisions.Any(IsAnswer))
        {
            ThrowUnlessAnswer(decisions.First());
        }
    }
}
