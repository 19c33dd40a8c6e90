namespace PassBroker.Emulator.Sessions;

/// <summary>
/// OpenAPI <c>SessionResponse</c> (adobe-pass-v2.md section 4.1). <c>notBefore</c>/<c>notAfter</c> are JSON
/// strings of epoch milliseconds here, unlike everywhere else.
/// </summary>
internal sealed record SessionResponse(
    string ActionName,
    string ActionType,
    string ReasonType,
    IReadOnlyList<string>? MissingParameters,
    string? Url,
    string? Code,
    string SessionId,
    string? Mvpd,
    string ServiceProvider,
    string? NotBefore,
    string? NotAfter);
