using PassBroker.Core.Upstream;

namespace PassBroker.Core.Decisions;

/// <summary>Builds the deny a business rule answers with: the same shape as Adobe's, so apps handle both one way.</summary>
public static class RuleDenials
{
    public const string Source = "rule";

    /// <param name="request">The play request being denied.</param>
    /// <param name="code">Stable code, e.g. <c>resource_not_allowed</c>, <c>too_many_concurrent_plays</c>.</param>
    /// <param name="message">Text the app may show the user.</param>
    /// <param name="details">More detail, e.g. the limit that applied.</param>
    public static Decision Deny(AuthorizationRequest request, string code, string message, string? details = null) => new()
    {
        Resource = request.Resource,
        Mvpd = request.Mvpd,
        Authorized = false,
        Source = Source,
        Error = new UpstreamError { Code = code, Action = UpstreamActions.None, Status = 403, Message = message, Details = details },
    };
}
