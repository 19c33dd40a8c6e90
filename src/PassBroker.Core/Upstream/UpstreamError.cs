namespace PassBroker.Core.Upstream;

/// <summary>
/// Adobe's enhanced error object (adobe-pass-v2.md section 8), or an OAuth-style DCR error mapped onto it
/// (<see cref="Code"/> = the OAuth <c>error</c>, <see cref="Action"/> = <c>application-registration</c>).
/// Unknown codes are expected: behaviour is driven by <see cref="Action"/>.
/// </summary>
public sealed record UpstreamError
{
    public required string Code { get; init; }
    public string Action { get; init; } = UpstreamActions.None;
    public int? Status { get; init; }
    public string? Message { get; init; }
    public string? Details { get; init; }
    public string? HelpUrl { get; init; }
    public string? Trace { get; init; }
}
