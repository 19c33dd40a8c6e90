using System.ComponentModel.DataAnnotations;

namespace PassBroker.Http.Admin;

/// <summary>
/// Where the operators' credential for the admin routes (Temp Pass reset, data-key re-sealing) is kept: a secret in the
/// secret store (Key Vault in Azure, <c>Secrets:Values</c> locally). Missing or shorter than 32 characters, every admin
/// request is refused.
/// <code>
/// "Admin": { "ApiKeySecret": "admin-api-key" }
/// </code>
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public const int MinimumKeyLength = 32;

    /// <summary>The secret's name; its value is sent as <c>Authorization: Bearer &lt;value&gt;</c>.</summary>
    [Required]
    public string ApiKeySecret { get; set; } = "admin-api-key";
}
