using PassBroker.Storage.Encryption;

namespace PassBroker.Storage;

/// <summary>Where PassBroker keeps its tables, and the keys that seal device secrets in them.</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// Shape:
    /// <code>
    /// "Storage": {
    ///   "ConnectionString": "UseDevelopmentStorage=true",
    ///   "TablePrefix": "",
    ///   "DataKeys": { "Current": "dev1", "Keys": { "dev1": "&lt;base64 of 32 bytes&gt;" } }
    /// }
    /// </code>
    /// </summary>
    public const string SectionName = "Storage";

    /// <summary>
    /// A storage connection string (the default is Azurite on its standard ports), or the account's https table
    /// endpoint, which connects with the app's Azure credential (<c>Azure:Credential</c>: the managed identity of
    /// <c>AZURE_CLIENT_ID</c> in Azure): what Azure deployments use, with shared keys disabled on the account.
    /// </summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Put before every table name (letters and digits), so several deployments or tests can share one account.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>Data keys in configuration (<c>Secrets:Source</c> <c>Configuration</c>, the development default).</summary>
    public DataKeyOptions DataKeys { get; set; } = new();

    /// <summary>
    /// With <c>Secrets:Source</c> <c>KeyVault</c>: the Key Vault secret holding the data key (Base64 of 32 random bytes);
    /// its Key Vault versions are the key versions. <see cref="DataKeys"/> is then not used.
    /// </summary>
    public string DataKeySecret { get; set; } = "data-key";
}
