namespace PassBroker.Storage.AzureClients;

/// <summary>How PassBroker's Azure clients (tables, Key Vault, telemetry) authenticate when they need a token.</summary>
public enum AzureCredentialKind
{
    /// <summary>
    /// The app's managed identity: user-assigned by <c>AZURE_CLIENT_ID</c>, else the system-assigned one. Only that
    /// credential, not a chain, so a missing role fails with the identity's own error instead of a list of tried tools.
    /// </summary>
    ManagedIdentity,

    /// <summary>A developer's sign-in: the <c>AZURE_*</c> environment variables, then Azure CLI, Azure Developer CLI, VS Code.</summary>
    Developer,
}
