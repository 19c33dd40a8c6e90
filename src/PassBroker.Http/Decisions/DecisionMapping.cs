using PassBroker.Core.Upstream;

namespace PassBroker.Http.Decisions;

internal static class DecisionMapping
{
    public static DecisionResponse ToResponse(this Decision decision) =>
        new(decision.Resource, Verdict(decision), decision.NotAfter, Reason(decision));

    public static AuthorizeResponse ToAuthorizeResponse(this Decision decision) => new(
        decision.Resource,
        decision.Mvpd,
        Verdict(decision),
        decision.Authorized && decision.Token is { } t ? new MediaTokenResponse(t.SerializedToken, t.NotBefore, t.NotAfter) : null,
        decision.NotAfter,
        Reason(decision));

    private static string Verdict(Decision decision) => decision.Authorized ? "permit" : "deny";

    private static DenyReason? Reason(Decision decision) =>
        decision.Authorized || decision.Error is not { } e ? null : new DenyReason(e.Code, e.Action, decision.Source, e.Message, e.Details);
}
