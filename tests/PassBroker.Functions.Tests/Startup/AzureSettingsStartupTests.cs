using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PassBroker.Functions.Tests.Hosting;

namespace PassBroker.Functions.Tests.Startup;

/// <summary>
/// The Functions app with the settings the Azure deployment gives it (infra/modules/functionapp.bicep): it starts, and
/// every Azure client it builds uses the one managed identity. Clients are resolved, never called: no Azure here.
/// </summary>
public sealed class AzureSettingsStartupTests
{
    private const string ClientId = "00000000-0000-0000-0000-0000000000a1";

    [Fact]
    public void Build_DeploymentSettings_EveryAzureClientUsesTheOneManagedIdentity()
    {
        using var host = FunctionsAppHost.Build(DeploymentSettings());
        var services = host.Services;

        var credential = services.GetRequiredService<TokenCredential>();
        var exporter = services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);

        Assert.IsType<ManagedIdentityCredential>(credential);
        Assert.Same(credential, exporter.Credential);
        Assert.Equal(new Uri("https://stpassbroker.table.core.windows.net/"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://kv-passbroker.vault.azure.net/"), services.GetRequiredService<SecretClient>().VaultUri);
    }

    [Fact]
    public void Build_DeploymentSettings_EveryFunctionClassResolves()
    {
        using var host = FunctionsAppHost.Build(DeploymentSettings());
        using var invocation = host.Services.CreateScope();

        foreach (var type in CompiledFunctions.All.Where(f => !f.Method.IsStatic).Select(f => f.Method.DeclaringType!).Distinct())
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(invocation.ServiceProvider, type));
        }
    }

    /// <summary>What azd deploys: the managed identity's client id, the table endpoint, Key Vault, Application Insights.</summary>
    private static Dictionary<string, string?> DeploymentSettings()
    {
        var settings = SampleSettings.Values();
        settings["AzureWebJobsStorage:credential"] = "managedidentity";
        settings["AzureWebJobsStorage:clientId"] = ClientId;
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
            "InstrumentationKey=00000000-0000-0000-0000-0000000000b2;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/";
        settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = $"ClientId={ClientId};Authorization=AAD";
        settings["AZURE_CLIENT_ID"] = ClientId;
        settings["AZURE_KEY_VAULT_ENDPOINT"] = "https://kv-passbroker.vault.azure.net/";
        settings["AZURE_STORAGE_TABLE_ENDPOINT"] = "https://stpassbroker.table.core.windows.net/";
        settings["Secrets:Source"] = "KeyVault";
        settings["Storage:ConnectionString"] = "https://stpassbroker.table.core.windows.net/";
        return settings;
    }
}
