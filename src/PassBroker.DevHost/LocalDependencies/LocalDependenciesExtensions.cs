namespace PassBroker.DevHost.LocalDependencies;

internal static class LocalDependenciesExtensions
{
    public static IHostApplicationBuilder AddLocalDependencies(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(LocalDependenciesOptions.SectionName);
        builder.Services.AddOptions<LocalDependenciesOptions>().Bind(section);
        var options = section.Get<LocalDependenciesOptions>() ?? new LocalDependenciesOptions();
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
}
