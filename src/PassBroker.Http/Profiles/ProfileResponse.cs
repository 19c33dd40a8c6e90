using PassBroker.Core.Upstream;

namespace PassBroker.Http.Profiles;

/// <summary>
/// An authentication profile: the MVPD, its validity and the user metadata (<c>state</c> <c>plain</c>, <c>decrypted</c>
/// for a value PassBroker opened with the metadata certificate, or <c>enc</c> with <c>error</c> when it could not).
/// </summary>
public sealed record ProfileResponse(
    string Mvpd,
    string Type,
    string Issuer,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    IReadOnlyDictionary<string, ProfileAttribute> Attributes);
