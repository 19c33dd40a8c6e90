namespace PassBroker.Emulator.Configuration;

/// <summary>OpenAPI <c>ProgrammerType</c>: the requestor, its domains and its MVPDs.</summary>
internal sealed record ProgrammerType(
    string Id,
    string Name,
    IReadOnlyList<DomainType> Domains,
    IReadOnlyList<MvpdType> Mvpds);
