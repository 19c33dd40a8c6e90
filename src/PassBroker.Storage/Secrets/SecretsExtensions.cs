using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PassBroker.Core.Secrets;

namespace PassBroker.Storage.Secrets;

public static class SecretsExtensions
{
    /// <summary>
    /// Core's <see cref="ISecretStore"/>: Key Vault when <c>Secrets:Source</c> is <c>KeyVault</c> (vault from
    /// <c>AZURE_KEY_VAULT_ENDPOINT</c>, identity from <c>AZURE_CLIENT_ID</c>), else development configuration.
    /// </summary>
    public static IHostApplicationBuilder AddPassBrokerSecrets(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecretsOptions>()
            .BindConfiguration(SecretsOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
            {
                // The names azd and the Functions app settings use.
                options.VaultUri ??= configuration["AZURE_KEY_VAULT_ENDPOINT"] is { Length: > 0 } vault ? new Uri(vault) : null;
                options.ManagedIdentityClientId ??= configuration["AZURE_CLIENT_ID"];
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => CreateClient(provider.GetRequiredService<IOptions<SecretsOptions>>().Value));
        services.TryAddSingleton<KeyVaultReader>();
        services.TryAddSingleton<ISecretStore>(provider =>
            provider.GetRequiredService<IOptions<SecretsOptions>>().Value.Source == SecretSource.KeyVault
                ? ActivatorUtilities.CreateInstance<KeyVaultSecretStore>(provider)
                : ActivatorUtilities.CreateInstance<ConfigurationSecretStore>(provider));
        return builder;
    }

    private static SecretClient CreateClient(SecretsOptions options)
    {
        var clientOptions = new SecretClientOptions();
        // Key Vault answers 429 with Retry-After when throttled; the SDK honours it. Exponential backoff for the rest.
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = 4;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(500);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(8);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
        return new SecretClient(options.VaultUri ?? throw new InvalidOperationException("AZURE_KEY_VAULT_ENDPOINT is not set."), credential, clientOptions);
    }
}
