using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;
using PassBroker.Core.Decisions;
using PassBroker.Core.Devices;
using PassBroker.Core.InstanceCaching;
using PassBroker.Core.Logout;
using PassBroker.Core.Mvpds;
using PassBroker.Core.Profiles;
using PassBroker.Core.Retention;
using PassBroker.Core.SecondScreen;
using PassBroker.Core.Sessions;
using PassBroker.Core.Telemetry;
using PassBroker.Core.TempPass;
using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;

namespace PassBroker.Core;

public static class CoreExtensions
{
    /// <summary>
    /// PassBroker's use cases and their options. The host adds the adapters: an <c>IAdobePassClient</c>, the stores
    /// and caches, an <see cref="IWorkflowStarter"/>, and any <see cref="IAuthorizationRule"/>s.
    /// </summary>
    public static IHostApplicationBuilder AddPassBrokerCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPassBrokerBrands(builder.Configuration);
        // Per brand (IOptionsMonitor<T>.Get(device.Brand)); IOptions<T> is the default brand's, and what the deployment
        // shares: polling, waits and the MVPD cache's lifetime are one for all brands, so a brand may not set them.
        builder.Services.AddBrandedOptions<SignInOptions>(builder.Configuration, SignInOptions.SectionName)
            .LimitBrandSettings<SignInOptions>(SignInOptions.SectionName, SignInOptions.PerBrand);
        builder.Services.AddOptions<DecisionsOptions>().BindConfiguration(DecisionsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddBrandedOptions<TempPassOptions>(builder.Configuration, TempPassOptions.SectionName);
        builder.Services.AddBrandedOptions<MvpdCatalogOptions>(builder.Configuration, MvpdCatalogOptions.SectionName)
            .LimitBrandSettings<MvpdCatalogOptions>(MvpdCatalogOptions.SectionName, MvpdCatalogOptions.PerBrand);

        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<InstanceCacheOptions>().BindConfiguration(InstanceCacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<BrandTags>();
        builder.Services.TryAddSingleton<PassBrokerMetrics>();
        builder.Services.TryAddSingleton<DeviceRecordCopies>();
        builder.Services.AddSingleton<MvpdCatalog>();
        builder.Services.AddSingleton<SessionChangeNotifier>();
        builder.Services.AddSingleton<LongPollLimiter>();
        builder.Services.AddTransient<DeviceRegistration>();
        builder.Services.AddTransient<DeviceAuthenticator>();
        builder.Services.AddTransient<SignInService>();
        builder.Services.AddTransient<SecondScreenService>();
        builder.Services.AddTransient<ProfileService>();
        builder.Services.AddTransient<UserMetadataDecryption>();
        builder.Services.AddTransient<AuthenticationCaches>();
        builder.Services.AddTransient<DecisionFetcher>();
        builder.Services.AddTransient<PreauthorizationService>();
        builder.Services.AddTransient<AuthorizationService>();
        builder.Services.AddTransient<LogoutService>();
        builder.Services.AddTransient<TempPassContexts>();
        builder.Services.AddTransient<TempPassService>();
        builder.Services.AddTransient<TempPassResetService>();
        builder.Services.AddTransient<CheckSignInActivity>();
        builder.Services.AddTransient<ExpireSignInActivity>();
        builder.Services.AddTransient<FailSignInActivity>();
        builder.Services.AddTransient<ISignInRowPoller, SignInRowPoller>();
        builder.Services.AddTransient<PollShardActivity>();
        builder.Services.AddTransient<ShardedSignInStarter>();
        builder.Services.AddTransient<DeviceSignInMarker>();
        builder.Services.AddTransient<SessionProfileRelease>();
        // One per instance: it remembers where the last run stopped, and lets one run go at a time.
        builder.Services.AddSingleton<RetentionPurge>();
        return builder;
    }

    /// <summary>The brands the deployment serves (<see cref="BrandCatalog"/>), their checks and their <see cref="BrandOptions"/>.</summary>
    public static IServiceCollection AddPassBrokerBrands(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(new BrandCatalog(configuration));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BrandCatalogValidator.Marker>, BrandCatalogValidator>());
        services.AddOptions<BrandCatalogValidator.Marker>().ValidateOnStart();
        services.AddBrandedOptions<BrandOptions>(configuration, BrandOptions.SectionName);
        return services;
    }
}
