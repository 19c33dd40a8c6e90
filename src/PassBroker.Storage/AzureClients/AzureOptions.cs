using System.ComponentModel.DataAnnotations;

namespace PassBroker.Storage.AzureClients;

/// <summary>
/// The one credential every Azure client uses. Clients configured with a connection string (Azurite, account keys)
/// need none.
/// <code>
/// "Azure": { "Credential": "ManagedIdentity" }   // + AZURE_CLIENT_ID; the default whenever AZURE_CLIENT_ID is set
/// "Azure": { "Credential": "Developer" }         // the default otherwise
/// </code>
/// </summary>
public sealed class AzureOptions : IValidatableObject
{
    public const string SectionName = "Azure";

    /// <summary>Unset: <see cref="AzureCredentialKind.ManagedIdentity"/> when a client id is set (as in Azure), else <see cref="AzureCredentialKind.Developer"/>.</summary>
    public AzureCredentialKind? Credential { get; set; }

    /// <summary>
    /// The user-assigned managed identity's client id; bound from <c>AZURE_CLIENT_ID</c>, the name the deployment and
    /// the Azure SDK use. None with <see cref="AzureCredentialKind.ManagedIdentity"/> means the system-assigned identity.
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The credential in effect, after the default.</summary>
    public AzureCredentialKind EffectiveCredential =>
        Credential ?? (string.IsNullOrWhiteSpace(ManagedIdentityClientId) ? AzureCredentialKind.Developer : AzureCredentialKind.ManagedIdentity);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A client id is a GUID; anything else would only fail at the first token request, on a device's request path.
        if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId) && !Guid.TryParse(ManagedIdentityClientId, out _))
        {
            yield return new ValidationResult("AZURE_CLIENT_ID (Azure:ManagedIdentityClientId) must be the managed identity's client id, a GUID.",
                [nameof(ManagedIdentityClientId)]);
        }
    }
}
