namespace PassBroker.Emulator.Configuration;

/// <summary>
/// <c>GET /configuration</c> body. Adobe's sample carries <c>device</c>, <c>clientType</c> and <c>os</c> at the top
/// and the MVPDs inside <c>requestor</c>, as the OpenAPI <c>ConfigurationResponse</c> does (adobe-pass-v2.md section 5.4).
/// </summary>
internal sealed record ConfigurationResponse(string Device, string ClientType, string Os, ProgrammerType Requestor);
