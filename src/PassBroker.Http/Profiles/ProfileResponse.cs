using PassBroker.Core.Upstream;

namespace PassBroker.Http.Profiles;

/// <summary>An authentication profile: the MVPD, its validity and the user metadata (<c>state</c> <c>plain</c> or <c>enc</c>).</summary>
public sealed record ProfileResponse(
    string Mvpd,
    string Type,
    string Issuer,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    IReadOnlyDictionary<string, ProfileAttribute> Attributes);
