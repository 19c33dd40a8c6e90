namespace PassBroker.Emulator.ServiceProviders;

/// <summary>
/// Every service provider the emulator serves: the top-level one first, then <c>Emulator:ServiceProviders</c> in order.
/// One singleton, built after the options are final; the validator builds its own from the options it checks.
/// </summary>
internal sealed class ServiceProviderCatalog
{
    private readonly Dictionary<string, EmulatedServiceProvider> _byId = new(StringComparer.Ordinal);

    public ServiceProviderCatalog(EmulatorOptions options)
    {
        All = [EmulatedServiceProvider.FromTopLevel(options), .. options.ServiceProviders.Select(EmulatedServiceProvider.From)];
        foreach (var provider in All)
        {
            // A duplicated id is a validation failure; until start-up fails, the first one answers.
            _byId.TryAdd(provider.Id, provider);
        }
    }

    public IReadOnlyList<EmulatedServiceProvider> All { get; }

    /// <returns>The provider with that requestor id (exact case), or null.</returns>
    public EmulatedServiceProvider? Find(string? id) => id is not null && _byId.TryGetValue(id, out var provider) ? provider : null;

    /// <summary>
    /// The providers a software statement's registered application is linked to: every provider that lists it, as
    /// a programmer-level registered application may be linked to several channels.
    /// </summary>
    public IReadOnlySet<string> LinkedTo(string softwareStatement) =>
        All.Where(p => p.HasSoftwareStatement(softwareStatement)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The first provider's settings for an MVPD, for pages that only know the MVPD (its logout page).</summary>
    public MvpdOptions? FindAnyMvpd(string? id, Func<MvpdOptions, bool> matches) =>
        All.Select(p => p.FindMvpd(id)).FirstOrDefault(m => m is not null && matches(m));
}
