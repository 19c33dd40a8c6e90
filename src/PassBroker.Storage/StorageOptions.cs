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
    /// endpoint, which connects by managed identity (<c>DefaultAzureCredential</c>, <c>AZURE_CLIENT_ID</c>): what Azure
    /// deployments use, with shared keys disabled on the account.
    /// </summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Put before every table name (letters and digits), so several deployments or tests can share one account.</summary>
    public string TablePrefix { get; set; } = "";

    public DataKeyOptions DataKeys { get; set; } = new();
}
