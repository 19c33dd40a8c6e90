using Azure.Core;
using Azure.Data.Tables;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Storage.Secrets;

namespace PassBroker.Storage.AzureClients;

public static class AzureClientsExtensions
{
    /// <summary>
    /// The Azure clients, registered once for the process (each owns its HTTP pipeline and connection pool): the
    /// <see cref="TableServiceClient"/> (<c>Storage:ConnectionString</c>) and the <see cref="SecretClient"/>
    /// (<c>AZURE_KEY_VAULT_ENDPOINT</c>), plus the one <see cref="TokenCredential"/> they and the telemetry exporter
    /// share, chosen by <see cref="AzureOptions"/>. Clients are built on first use; a connection string never asks the
    /// credential for a token. Safe to call more than once (storage and secrets both need it).
    /// </summary>
    public static IHostApplicationBuilder AddPassBrokerAzureClients(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(IAzureClientFactory<TableServiceClient>)))
        {
            return builder;
        }

        services.AddOptions<AzureOptions>()
            .BindConfiguration(AzureOptions.SectionName)
            // The name the deployment and the Azure SDK use.
            .Configure<IConfiguration>((options, configuration) =>
                options.ManagedIdentityClientId ??= configuration["AZURE_CLIENT_ID"] is { Length: > 0 } id ? id : null)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AzureOptions>>().Value;
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AzureCredentials))
                .AzureCredentialChosen(options.EffectiveCredential, userAssigned: !string.IsNullOrWhiteSpace(options.ManagedIdentityClientId));
            return AzureCredentials.Create(options);
        });

        // The client factory forwards the Azure SDK's event sources to ILogger once it builds a client. Pipelines not
        // built here (the telemetry exporter's, the managed identity's token requests) still log every request at
        // Information; only their warnings and errors belong in the app's logs (and the exporter must not log each send).
        builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(provider => provider.GetRequiredService<TokenCredential>());
            // The SDK's own request log would add two lines per Table operation and a warning for every expected 404,
            // 409 and 412 (misses and optimistic-concurrency races); PassBroker logs the outcomes that matter itself.
            clients.ConfigureDefaults(options => options.Diagnostics.IsLoggingEnabled = false);
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, provider) =>
                    CreateTableClient(provider.GetRequiredService<IOptions<StorageOptions>>().Value, options, credential))
                .ConfigureOptions(ConfigureTableClient);
            clients.AddClient<SecretClient, SecretClientOptions>((options, credential, provider) =>
                    new SecretClient(provider.GetRequiredService<IOptions<SecretsOptions>>().Value.VaultUri
                        ?? throw new InvalidOperationException("AZURE_KEY_VAULT_ENDPOINT is not set."), credential, options))
                .ConfigureOptions(ConfigureSecretClient);
        });
        return builder;
    }

    // A connection string (Azurite, keys, SAS), or the account's table endpoint with the credential.
    private static TableServiceClient CreateTableClient(StorageOptions storage, TableClientOptions options, TokenCredential credential)
    {
        var connection = storage.ConnectionString.Trim();
        return StorageOptionsValidator.IsAccountUrl(connection)
            ? new TableServiceClient(new Uri(connection), credential, options)
            : new TableServiceClient(connection, options);
    }

    private static void ConfigureTableClient(TableClientOptions options)
    {
        // Store calls sit on a device's request path: give up within seconds and answer 503, rather than the SDK's
        // default of 100 s per try, so the device can retry instead of hanging.
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }

    private static void ConfigureSecretClient(SecretClientOptions options)
    {
        // Key Vault answers 429 with Retry-After when throttled; the SDK honours it. Exponential backoff for the rest.
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(8);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }
}
