using Azure.Core;
using Azure.Data.Tables;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Storage.Secrets;
using PassBroker.Storage.Tests.Support;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Storage.Tests.AzureClients;

/// <summary>The Azure clients as storage and secrets register them: once, with the one credential and their own limits.</summary>
public sealed class AzureClientsRegistrationTests
{
    private const string TableEndpoint = "https://passbroker.table.core.windows.net/";

    [Fact]
    public async Task TableClient_AccountEndpoint_AsksTheContainersCredentialForAStorageToken()
    {
        var credential = new RefusingCredential();
        using var host = Build(new() { ["Storage:ConnectionString"] = TableEndpoint }, s => s.AddSingleton<TokenCredential>(credential));
        var table = host.Services.GetRequiredService<TableServiceClient>().GetTableClient("devices");

        // The refusal ends the request before anything is sent: no network, no retry.
        await Assert.ThrowsAsync<RefusingCredential.Refused>(() => table.GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
    }

    [Fact]
    public void AddedByStorageAndSecrets_RegistersEachClientOnce()
    {
        IServiceCollection services = null!;
        using var host = Build([], s => services = s);

        Assert.Single(services, d => d.ServiceType == typeof(IAzureClientFactory<TableServiceClient>));
        Assert.Single(services, d => d.ServiceType == typeof(IAzureClientFactory<SecretClient>));
        Assert.Single(services, d => d.ServiceType == typeof(TokenCredential));
    }

    [Fact]
    public void ClientOptions_KeepTheirOwnRetriesAndNoSdkRequestLog()
    {
        using var host = Build([]);

        var tables = host.Services.GetRequiredService<IOptionsMonitor<TableClientOptions>>().Get("Default");
        var secrets = host.Services.GetRequiredService<IOptionsMonitor<SecretClientOptions>>().Get("Default");

        // Tables on a device's request path give up within seconds; Key Vault backs off longer, as it throttles.
        Assert.Equal((3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)), (tables.Retry.MaxRetries, tables.Retry.MaxDelay, tables.Retry.NetworkTimeout));
        Assert.Equal((4, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(10)), (secrets.Retry.MaxRetries, secrets.Retry.MaxDelay, secrets.Retry.NetworkTimeout));
        Assert.False(tables.Diagnostics.IsLoggingEnabled);
        Assert.False(secrets.Diagnostics.IsLoggingEnabled);
    }

    [Fact]
    public void SdkRequestLog_OfOtherPipelines_OnlyWarningsAndErrors()
    {
        using var host = Build([], s => s.AddLogging(logging => logging.AddProvider(new CapturingLoggerProvider())));

        var sdk = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Azure.Core");

        Assert.False(sdk.IsEnabled(LogLevel.Information));
        Assert.True(sdk.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void SecretClient_VaultEndpoint_IsTheOneFromAzdsSetting()
    {
        using var host = Build(new() { ["Secrets:Source"] = "KeyVault", ["AZURE_KEY_VAULT_ENDPOINT"] = "https://kv-passbroker.vault.azure.net/" });

        Assert.Equal(new Uri("https://kv-passbroker.vault.azure.net/"), host.Services.GetRequiredService<SecretClient>().VaultUri);
    }

    private static IHost Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(TestDataKeys.Create("k1").ToConfiguration());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddPassBrokerStorage();
        builder.AddPassBrokerSecrets();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Records the scopes it is asked for and refuses, so a request stops at authentication.</summary>
    private sealed class RefusingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            throw new Refused();
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));

        public sealed class Refused : Exception;
    }
}
