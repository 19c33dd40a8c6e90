using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
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
        builder.Services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DecisionsOptions>().BindConfiguration(DecisionsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<TempPassOptions>().BindConfiguration(TempPassOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<MvpdCatalogOptions>().BindConfiguration(MvpdCatalogOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<InstanceCacheOptions>().BindConfiguration(InstanceCacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
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
}
