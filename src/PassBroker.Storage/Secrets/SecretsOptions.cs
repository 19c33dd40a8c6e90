using System.ComponentModel.DataAnnotations;

namespace PassBroker.Storage.Secrets;

/// <summary>
/// Where the service's secrets come from.
/// <code>
/// "Secrets": { "Source": "KeyVault", "CacheDuration": "00:30:00" }            // + AZURE_KEY_VAULT_ENDPOINT; identity: AzureOptions
/// "Secrets": { "Source": "Configuration", "Values": { "admin-api-key": "…" } } // development
/// </code>
/// </summary>
public sealed class SecretsOptions : IValidatableObject
{
    public const string SectionName = "Secrets";

    public SecretSource Source { get; set; } = SecretSource.Configuration;

    /// <summary>
    /// How long a Key Vault read is kept in memory. Key Vault throttles at 4,000 reads per 10 s per vault; at 30 minutes a
    /// handful of secrets cost each instance a few reads an hour. A rotated secret is seen within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The vault, e.g. <c>https://kv-passbroker.vault.azure.net/</c>; bound from <c>AZURE_KEY_VAULT_ENDPOINT</c>.</summary>
    public Uri? VaultUri { get; set; }

    /// <summary>Development secrets by name (the Configuration source only).</summary>
    public Dictionary<string, string> Values { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Source == SecretSource.KeyVault && VaultUri is not { IsAbsoluteUri: true, Scheme: "https" })
        {
            yield return new ValidationResult("Secrets:Source is KeyVault, so AZURE_KEY_VAULT_ENDPOINT must be the vault's https URL.", [nameof(VaultUri)]);
        }
    }
}
