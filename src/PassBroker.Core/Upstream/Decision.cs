namespace PassBroker.Core.Upstream;

/// <summary>
/// One of Adobe's decisions (<c>DecisionResponse</c>, adobe-pass-v2.md section 5.2). A deny arrives as HTTP 200 with
/// <see cref="Authorized"/> false and an item-level <see cref="Error"/>; top-level failures are turned into the same
/// shape so callers handle both one way.
/// </summary>
public sealed record Decision
{
    public required string Resource { get; init; }
    public required string Mvpd { get; init; }
    public required bool Authorized { get; init; }

    /// <summary><c>mvpd</c>, <c>degradation</c>, <c>temppass</c> or <c>dummy</c>; PassBroker's own rules answer <c>rule</c>.</summary>
    public string Source { get; init; } = "mvpd";

    /// <summary>Validity of the decision (the authZ TTL); permits may be cached until <see cref="NotAfter"/>.</summary>
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>Authorize permits only. Single use, about 7 minutes, never cached.</summary>
    public MediaToken? Token { get; init; }

    public UpstreamError? Error { get; init; }
}
