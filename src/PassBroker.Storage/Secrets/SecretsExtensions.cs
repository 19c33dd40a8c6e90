using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PassBroker.Core.Secrets;
using PassBroker.Storage.AzureClients;

namespace PassBroker.Storage.Secrets;

public static class SecretsExtensions
{
    /// <summary>
    /// Core's <see cref="ISecretStore"/>: Key Vault when <c>Secrets:Source</c> is <c>KeyVault</c> (vault from
    /// <c>AZURE_KEY_VAULT_ENDPOINT</c>, identity from <see cref="AzureOptions"/>), else development configuration.
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
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // The SecretClient, with the one Azure credential (AzureClients)
        builder.AddPassBrokerAzureClients();
        services.TryAddSingleton<KeyVaultReader>();
        services.TryAddSingleton<ISecretStore>(provider =>
            provider.GetRequiredService<IOptions<SecretsOptions>>().Value.Source == SecretSource.KeyVault
                ? ActivatorUtilities.CreateInstance<KeyVaultSecretStore>(provider)
                : ActivatorUtilities.CreateInstance<ConfigurationSecretStore>(provider));
        return builder;
    }
}
