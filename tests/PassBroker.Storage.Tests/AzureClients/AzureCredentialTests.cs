using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PassBroker.Storage.AzureClients;

namespace PassBroker.Storage.Tests.AzureClients;

/// <summary>Which credential the Azure clients get for which settings (built, never asked for a token).</summary>
public sealed class AzureCredentialTests
{
    private const string ClientId = "00000000-0000-0000-0000-000000000001";

    [Fact]
    public void Credential_NoSettings_IsTheDeveloperChain()
    {
        using var host = Build([]);

        Assert.IsType<ChainedTokenCredential>(host.Services.GetRequiredService<TokenCredential>());
    }

    [Fact]
    public void Credential_ClientIdSet_IsThatManagedIdentityOnly()
    {
        // What the deployment sets (AZURE_CLIENT_ID); nothing else is needed.
        using var host = Build(new() { ["AZURE_CLIENT_ID"] = ClientId });

        Assert.IsType<ManagedIdentityCredential>(host.Services.GetRequiredService<TokenCredential>());
        Assert.Equal(ClientId, host.Services.GetRequiredService<IOptions<AzureOptions>>().Value.ManagedIdentityClientId);
    }

    [Fact]
    public void Credential_ManagedIdentityWithoutClientId_IsTheSystemAssignedIdentity()
    {
        using var host = Build(new() { ["Azure:Credential"] = "ManagedIdentity" });

        Assert.IsType<ManagedIdentityCredential>(host.Services.GetRequiredService<TokenCredential>());
        Assert.Null(host.Services.GetRequiredService<IOptions<AzureOptions>>().Value.ManagedIdentityClientId);
    }

    [Fact]
    public void Credential_DeveloperWithClientId_IsTheDeveloperChain()
    {
        // A service principal in AZURE_CLIENT_ID/AZURE_CLIENT_SECRET on a developer's machine: the environment credential reads it.
        using var host = Build(new() { ["Azure:Credential"] = "Developer", ["AZURE_CLIENT_ID"] = ClientId });

        Assert.IsType<ChainedTokenCredential>(host.Services.GetRequiredService<TokenCredential>());
    }

    [Fact]
    public void Credential_ResolvedTwice_IsOneInstance()
    {
        using var host = Build(new() { ["AZURE_CLIENT_ID"] = ClientId });

        Assert.Same(host.Services.GetRequiredService<TokenCredential>(), host.Services.GetRequiredService<TokenCredential>());
    }

    [Fact]
    public void DeveloperSources_AreEnvironmentThenTheSignedInTools()
    {
        var sources = AzureCredentials.DeveloperSources().Select(s => s.GetType()).ToList();

        Assert.Equal([typeof(EnvironmentCredential), typeof(AzureCliCredential), typeof(AzureDeveloperCliCredential), typeof(VisualStudioCodeCredential)], sources);
    }

    [Fact]
    public async Task Start_ClientIdNotAGuid_FailsNamingTheSetting()
    {
        using var host = Build(new() { ["AZURE_CLIENT_ID"] = "my-identity" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("AZURE_CLIENT_ID", error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddPassBrokerAzureClients();
        return builder.Build();
    }
}
