using Azure.Core;
using Azure.Identity;

namespace PassBroker.Storage.AzureClients;

/// <summary>The one place PassBroker builds an Azure credential; everything else gets it from the container.</summary>
internal static class AzureCredentials
{
    public static TokenCredential Create(AzureOptions options) => options.EffectiveCredential switch
    {
        AzureCredentialKind.ManagedIdentity => new ManagedIdentityCredential(string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId.Trim())),
        _ => new ChainedTokenCredential(DeveloperSources()),
    };

    // Explicit rather than DefaultAzureCredential: locally it must never wait for a managed-identity endpoint that is
    // not there, and the order is the one a developer expects (explicit variables first, then the signed-in tools).
    internal static TokenCredential[] DeveloperSources() =>
    [
        new EnvironmentCredential(),
        new AzureCliCredential(),
        new AzureDeveloperCliCredential(),
        new VisualStudioCodeCredential(),
    ];
}
