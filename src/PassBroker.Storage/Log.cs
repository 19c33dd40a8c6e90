using Microsoft.Extensions.Logging;

namespace PassBroker.Storage;

/// <summary>
/// Storage's log events (5000-5999). Device keys may appear; device ids, session codes, secrets and tokens never do.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Information, "Created table {Table}")]
    public static partial void TableCreated(this ILogger logger, string table);

    [LoggerMessage(5001, LogLevel.Warning, "Table {Table} was missing; creating it again")]
    public static partial void TableMissing(this ILogger logger, string table);

    [LoggerMessage(5002, LogLevel.Warning, "Table storage did not serve table {Table}")]
    public static partial void StoreUnavailable(this ILogger logger, Exception exception, string table);

    [LoggerMessage(5010, LogLevel.Information, "Write to {Table} for device {DeviceKey} lost an optimistic-concurrency race")]
    public static partial void WriteConflict(this ILogger logger, string table, string deviceKey);

    [LoggerMessage(5020, LogLevel.Error, "A sealed secret of device {DeviceKey} in {Table} cannot be opened")]
    public static partial void SealedValueRejected(this ILogger logger, Exception exception, string table, string deviceKey);

    [LoggerMessage(5021, LogLevel.Error, "A sealed secret of PassBroker's management DCR client in {Table} cannot be opened")]
    public static partial void ManagementSealedValueRejected(this ILogger logger, Exception exception, string table);

    // Secret names and versions only; never a value.
    [LoggerMessage(5100, LogLevel.Information, "Read secret {Name} (version {Version}) from Key Vault")]
    public static partial void SecretRead(this ILogger logger, string name, string? version);

    [LoggerMessage(5101, LogLevel.Warning, "Key Vault has no secret {Name} (version {Version})")]
    public static partial void SecretMissing(this ILogger logger, string name, string? version);

    [LoggerMessage(5102, LogLevel.Error, "Key Vault did not serve secret {Name}")]
    public static partial void SecretStoreUnavailable(this ILogger logger, Exception exception, string name);

    [LoggerMessage(5103, LogLevel.Warning, "Key Vault secret {Name} (version {Version}) is disabled; treated as absent")]
    public static partial void SecretDisabled(this ILogger logger, string name, string? version);

    [LoggerMessage(5110, LogLevel.Information, "Re-sealing: {Scanned} rows of the devices table read, {Resealed} moved to data key {Version}, {Conflicts} changed meanwhile, {Unreadable} unreadable")]
    public static partial void ResealBatch(this ILogger logger, int scanned, int resealed, string version, int conflicts, int unreadable);

    // Retention (5300-5399)
    [LoggerMessage(5300, LogLevel.Information, "Deleted device {DeviceKey}: it never signed in; its DCR client's credentials are gone from PassBroker (Adobe has no API to delete the client)")]
    public static partial void UnusedDeviceDeleted(this ILogger logger, string deviceKey);

    // Azure clients (5380-5399). Debug: the DevHost builds the credential at start even for Azurite, which needs none,
    // and its console opens with the banner.
    [LoggerMessage(5380, LogLevel.Debug, "Azure clients authenticate with the {Credential} credential (user-assigned identity: {UserAssigned})")]
    public static partial void AzureCredentialChosen(this ILogger logger, AzureClients.AzureCredentialKind credential, bool userAssigned);
}
