namespace PassBroker.Core.Upstream;

/// <summary>Adobe's <c>SessionStatusResponse</c>, reduced to what PassBroker uses.</summary>
public sealed record UpstreamSessionInfo(
    IReadOnlyDictionary<string, string> ExistingParameters,
    IReadOnlyList<string> MissingParameters,
    DateTimeOffset? NotBefore,
    DateTimeOffset? NotAfter);
