namespace PassBroker.Core.Upstream;

/// <summary>Adobe's <c>SessionResponse</c>: what the client must do next (adobe-pass-v2.md section 4.1).</summary>
public sealed record UpstreamSession
{
    public required string ActionName { get; init; }
    public required string ActionType { get; init; }
    public required string ReasonType { get; init; }
    public IReadOnlyList<string> MissingParameters { get; init; } = [];

    /// <summary>Host-relative path to open (interactive) or call (direct) next.</summary>
    public string? Url { get; init; }

    public string? Code { get; init; }
    public string? SessionId { get; init; }
    public string? Mvpd { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? NotAfter { get; init; }

    public bool HasCode => !string.IsNullOrEmpty(Code);
}
