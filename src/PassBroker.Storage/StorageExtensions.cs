using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PassBroker.Core.Common;
using PassBroker.Core.Decisions;
using PassBroker.Core.Decisions.Rules;
using PassBroker.Core.Devices;
using PassBroker.Core.InstanceCaching;
using PassBroker.Core.Management;
using PassBroker.Core.Profiles;
using PassBroker.Core.Retention;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.Storage.AzureClients;
using PassBroker.Storage.Decisions;
using PassBroker.Storage.Devices;
using PassBroker.Storage.Encryption;
using PassBroker.Storage.Management;
using PassBroker.Storage.Plays;
using PassBroker.Storage.Profiles;
using PassBroker.Storage.Retention;
using PassBroker.Storage.Secrets;
using PassBroker.Storage.Sessions;
using PassBroker.Storage.SignIns;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Registers Core's <see cref="IDeviceStore"/>, <see cref="ISessionStore"/>, <see cref="IProfileCache"/>,
    /// <see cref="IDecisionCache"/>, <see cref="IPlayStore"/>, <see cref="IPendingSignInStore"/> and <see cref="IManagementClientStore"/> over Azure Table Storage, the <see cref="IDataKeyProvider"/> that seals device secrets (from <c>Storage:DataKeys</c>), and one
    /// <see cref="TableServiceClient"/>, all configured from the <c>Storage</c> section and validated on start.
    /// </summary>
    public static IHostApplicationBuilder AddPassBrokerStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        // The data keys come from the secret source: Key Vault (versions of one secret) or Storage:DataKeys.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, DataKeyOptionsValidator>());
        services.TryAddSingleton<IDataKeyProvider>(provider =>
            provider.GetRequiredService<IOptions<SecretsOptions>>().Value.Source == SecretSource.KeyVault
                ? ActivatorUtilities.CreateInstance<KeyVaultDataKeyProvider>(provider)
                : ActivatorUtilities.CreateInstance<ConfigurationDataKeyProvider>(provider));
        services.TryAddSingleton<IDataKeyResealer, DataKeyResealer>();

        // The TableServiceClient, with the one Azure credential (AzureClients)
        builder.AddPassBrokerAzureClients();
        services.TryAddSingleton<StorageTables>();
        services.TryAddSingleton<SecretSealer>();
        // Devices, profiles and plays sit on the authorize path: each gets this instance's in-memory copy in front
        // (InstanceCache settings), so a warm authorize reads no table.
        services.TryAddSingleton<DeviceRecordCopies>();
        services.TryAddSingleton<TableDeviceStore>();
        services.TryAddSingleton<IDeviceStore>(s => new CachingDeviceStore(s.GetRequiredService<TableDeviceStore>(), s.GetRequiredService<DeviceRecordCopies>()));
        services.TryAddSingleton<ISessionStore, TableSessionStore>();
        services.TryAddSingleton<TableProfileCache>();
        services.TryAddSingleton<IProfileCache>(s => ActivatorUtilities.CreateInstance<CachingProfileCache>(s, s.GetRequiredService<TableProfileCache>()));
        services.TryAddSingleton<IDecisionCache, TableDecisionCache>();
        // PassBroker's own DCR client for the management APIs: one row, read only when a reset needs a token.
        services.TryAddSingleton<IManagementClientStore, TableManagementClientStore>();
        services.TryAddSingleton<TablePlayStore>();
        services.TryAddSingleton<IPendingSignInStore, TablePendingSignInStore>();
        services.TryAddSingleton<IPlayStore>(s => ActivatorUtilities.CreateInstance<CachingPlayStore>(s, s.GetRequiredService<TablePlayStore>()));
        // What the retention purge lists and deletes (RetentionPurge runs it on each host's schedule).
        services.TryAddSingleton<IRetentionStore, TableRetentionStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessCheck, TableStorageReadinessCheck>());
        return builder;
    }
}
