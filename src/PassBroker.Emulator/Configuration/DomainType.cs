namespace PassBroker.Emulator.Configuration;

/// <summary>OpenAPI <c>Domain</c>.</summary>
internal sealed record DomainType(string Name, bool MvpdInitiated);
