namespace PassBroker.Emulator;

/// <summary>
/// One more service provider (requestor id) of the emulated programmer, beside the one the top-level
/// <see cref="EmulatorOptions"/> settings describe: its own MVPDs (Temp Pass ones included), platforms, domains,
/// software statements and metadata encryption. Unlike the top level it starts empty: it lists exactly what is configured.
/// </summary>
/// <remarks>
/// A software statement listed by several providers (the top level included) belongs to a registered application linked to
/// each of them, as a programmer-level registered application can be linked to several channels. Users, lifetimes and
/// resource limits stay tenant-wide.
/// </remarks>
public sealed class ServiceProviderOptions
{
    // Shape: { "Emulator": { "ServiceProviders": [ { "Id": "REF31", "Name": "…", "SoftwareStatements": [ "…" ],
    //   "Mvpds": [ { "Id": "…", … } ], "Platforms": [ … ], "Domains": [ { "Name": "…" } ], "MetadataEncryption": { … } } ] } }

    /// <summary>The requestor id in <c>/api/v2/{serviceProvider}/…</c> and <c>requestor_id</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The requestor's display name in the configuration response; the id when empty.</summary>
    public string Name { get; set; } = "";

    /// <summary>Software statements of registered applications linked to this provider.</summary>
    public List<string> SoftwareStatements { get; } = [];

    /// <summary>The MVPDs integrated with this provider, in picker order.</summary>
    public List<MvpdOptions> Mvpds { get; } = [];

    /// <summary>As <see cref="EmulatorOptions.Platforms"/>, naming this provider's MVPDs.</summary>
    public List<PlatformOptions> Platforms { get; } = [];

    /// <summary>The provider's registered domains.</summary>
    public List<DomainOptions> Domains { get; } = [];

    /// <summary>Which user metadata is encrypted for this provider's certificate (none unless a certificate is set).</summary>
    public MetadataEncryptionOptions MetadataEncryption { get; } = new();
}
