namespace PassBroker.Storage.Secrets;

public enum SecretSource
{
    /// <summary>Development: <c>Secrets:Values</c> in configuration (appsettings, user secrets, environment).</summary>
    Configuration,

    /// <summary>Azure Key Vault at <c>AZURE_KEY_VAULT_ENDPOINT</c>, with the app's Azure credential (<c>Azure:Credential</c>).</summary>
    KeyVault,
}
