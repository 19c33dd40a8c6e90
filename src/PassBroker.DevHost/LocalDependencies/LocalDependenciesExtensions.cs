using PassBroker.LocalAzurite;

namespace PassBroker.DevHost.LocalDependencies;

internal static class LocalDependenciesExtensions
{
    /// <summary>
    /// Resolves the local run's addresses from the one port setting, fills in the settings derived from them (only
    /// those not set explicitly: configuration added here would otherwise override the command line), and registers
    /// the emulator and Azurite to start with the host.
    /// </summary>
    public static WebApplicationBuilder AddLocalDependencies(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(LocalDependenciesOptions.SectionName);
        builder.Services.AddOptions<LocalDependenciesOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<LocalDependenciesOptions>() ?? new LocalDependenciesOptions();
        if (options.Port is < 1 or > 65535)
        {
            throw new DevHostStartException("--port (DevHost:Port) must be between 1 and 65535.");
        }

        var root = options.StartAzurite && options.AzuriteLocation is null ? RepositoryRoot.Find() : null;
        var topology = LocalTopology.Resolve(builder.Configuration, options, root);
        if (options.Port is not null)
        {
            builder.WebHost.UseUrls(topology.Origin!.ToString().TrimEnd('/'));
        }
        var derived = topology.DerivedSettings(options)
            .Where(setting => string.IsNullOrEmpty(builder.Configuration[setting.Key]))
            .ToDictionary(setting => setting.Key, setting => (string?)setting.Value);
        builder.Configuration.AddInMemoryCollection(derived);
        builder.Services.AddSingleton(topology);

        if (options.StartAzurite)
        {
            builder.Services.AddHostedService<AzuriteService>();
        }
        if (options.StartEmulator)
        {
            builder.Services.AddHostedService<EmulatorService>();
        }
        return builder;
    }

    /// <summary>Starts Azurite and the emulator now, before the host: a <see cref="DevHostStartException"/> then reaches
    /// <c>Program</c> with nothing else printed. The host's own start finds them started.</summary>
    public static async Task StartLocalDependenciesAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        foreach (var dependency in app.Services.GetServices<IHostedService>().OfType<LocalDependency>())
        {
            await dependency.StartAsync(cancellationToken);
        }
    }
}
