using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PassBroker.Core.Secrets;
using PassBroker.Storage.Encryption;
using PassBroker.Storage.Secrets;

namespace PassBroker.Storage.Tests.Secrets;

public sealed class SecretsRegistrationTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddPassBrokerSecrets();
        return builder.Build();
    }

    [Fact]
    public async Task ConfigurationSource_ServesSecretsValues()
    {
        using var host = Build(new() { ["Secrets:Values:admin-api-key"] = "dev-key" });

        var store = host.Services.GetRequiredService<ISecretStore>();

        Assert.Equal("dev-key", await store.GetAsync("admin-api-key", default));
        Assert.Null(await store.GetAsync("software-statement", default));
    }

    [Fact]
    public void KeyVaultSource_TakesTheVaultFromAzdsSettings()
    {
        using var host = Build(new()
        {
            ["Secrets:Source"] = "KeyVault",
            ["AZURE_KEY_VAULT_ENDPOINT"] = "https://kv-passbroker.vault.azure.net/",
        });

        var options = host.Services.GetRequiredService<IOptions<SecretsOptions>>().Value;

        Assert.Equal(new Uri("https://kv-passbroker.vault.azure.net/"), options.VaultUri);
        Assert.IsType<KeyVaultSecretStore>(host.Services.GetRequiredService<ISecretStore>());
    }

    [Fact]
    public async Task KeyVaultSource_WithoutAVault_FailsAtStartNamingTheSetting()
    {
        using var host = Build(new() { ["Secrets:Source"] = "KeyVault" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("AZURE_KEY_VAULT_ENDPOINT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyVaultSource_DataKeysFromTheVault_StorageDataKeysNotNeeded()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Secrets:Source"] = "KeyVault",
            ["AZURE_KEY_VAULT_ENDPOINT"] = "https://kv-passbroker.vault.azure.net/",
        });
        builder.Services.AddLogging();
        builder.AddPassBrokerStorage();
        builder.AddPassBrokerSecrets();
        using var host = builder.Build();

        await host.StartAsync();

        Assert.IsType<KeyVaultDataKeyProvider>(host.Services.GetRequiredService<IDataKeyProvider>());
        await host.StopAsync();
    }

    [Fact]
    public async Task ConfigurationSource_WithoutStorageDataKeys_FailsAtStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.AddPassBrokerStorage();
        builder.AddPassBrokerSecrets();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:DataKeys:Current is required", error.Message, StringComparison.Ordinal);
    }
}
