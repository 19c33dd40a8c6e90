namespace PassBroker.Emulator.Infrastructure;

/// <summary>Adobe's enhanced error object (adobe-pass-v2.md section 8.1; OpenAPI <c>ErrorInformation</c>).</summary>
internal sealed record EnhancedError(
    string Action,
    int Status,
    string Code,
    string Message,
    string? Details,
    string HelpUrl,
    string Trace);
