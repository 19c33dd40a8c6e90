using PassBroker.Emulator.Sessions.Devices;

namespace PassBroker.Emulator.Sessions;

/// <summary>OpenAPI <c>SessionStatusResponse</c>: what <c>GET /sessions/{code}</c> returns (adobe-pass-v2.md section 4.3).</summary>
internal sealed record SessionStatusResponse(
    IReadOnlyDictionary<string, string> ExistingParameters,
    IReadOnlyList<string>? MissingParameters,
    SessionDevice Device,
    string NotBefore,
    string NotAfter);
