using PassBroker.Emulator.Profiles.Encryption;

namespace PassBroker.Emulator.ServiceProviders;

/// <summary>
/// One service provider as the handlers see it, whether the top-level settings or an <c>Emulator:ServiceProviders</c>
/// entry describe it. A view over the options' own lists, so a test's <c>PostConfigure</c> still shows through.
/// </summary>
internal sealed class EmulatedServiceProvider
{
    private readonly Lazy<MetadataEncryptor> _metadata;

    private EmulatedServiceProvider(
        string id,
        string name,
        string section,
        IReadOnlyList<string> softwareStatements,
        IReadOnlyList<MvpdOptions> mvpds,
        IReadOnlyList<PlatformOptions> platforms,
        IReadOnlyList<DomainOptions> domains,
        MetadataEncryptionOptions metadataEncryption)
    {
        Id = id;
        Name = name;
        Section = section;
        SoftwareStatements = softwareStatements;
        Mvpds = mvpds;
        Platforms = platforms;
        Domains = domains;
        MetadataEncryption = metadataEncryption;
        // Built on first login, after validation, so a bad certificate is a start-up error rather than a crash here.
        _metadata = new(() => new MetadataEncryptor(metadataEncryption));
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>Where its settings live, for validation messages: <c>Emulator</c> or <c>Emulator:ServiceProviders:N</c>.</summary>
    public string Section { get; }

    /// <summary>Whether the top-level settings describe it (the first provider, as before there were several).</summary>
    public bool IsTopLevel => Section == EmulatorOptions.SectionName;

    public IReadOnlyList<string> SoftwareStatements { get; }

    public IReadOnlyList<MvpdOptions> Mvpds { get; }

    public IReadOnlyList<PlatformOptions> Platforms { get; }

    public IReadOnlyList<DomainOptions> Domains { get; }

    public MetadataEncryptionOptions MetadataEncryption { get; }

    /// <summary>Encrypts user metadata for this provider's certificate.</summary>
    public MetadataEncryptor Metadata => _metadata.Value;

    public static EmulatedServiceProvider FromTopLevel(EmulatorOptions options) => new(
        options.ServiceProvider,
        options.ServiceProviderName,
        EmulatorOptions.SectionName,
        options.SoftwareStatements,
        options.Mvpds,
        options.Platforms,
        options.Domains,
        options.MetadataEncryption);

    public static EmulatedServiceProvider From(ServiceProviderOptions options, int index) => new(
        options.Id,
        string.IsNullOrWhiteSpace(options.Name) ? options.Id : options.Name,
        $"{EmulatorOptions.SectionName}:ServiceProviders:{index}",
        options.SoftwareStatements,
        options.Mvpds,
        options.Platforms,
        options.Domains,
        options.MetadataEncryption);

    public MvpdOptions? FindMvpd(string? id)
    {
        if (id is null)
        {
            return null;
        }

        foreach (var mvpd in Mvpds)
        {
            if (string.Equals(mvpd.Id, id, StringComparison.Ordinal))
            {
                return mvpd;
            }
        }

        return null;
    }

    public bool HasSoftwareStatement(string statement) => SoftwareStatements.Contains(statement, StringComparer.Ordinal);
}
