namespace PassBroker.Emulator;

/// <summary>A domain registered for the requestor (configuration response <c>requestor.domains</c>).</summary>
public sealed class DomainOptions
{
    public string Name { get; set; } = "";

    public bool MvpdInitiated { get; set; }
}
