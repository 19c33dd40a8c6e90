using System.ComponentModel.DataAnnotations;

namespace PassBroker.Http.Admin;

/// <summary>
/// The operators' credential for the admin routes (Temp Pass reset). Unset, every admin request is refused.
/// <code>
/// "Admin": { "ApiKey": "&lt;at least 32 random characters&gt;" }
/// </code>
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Sent as <c>Authorization: Bearer &lt;ApiKey&gt;</c>. A secret: Key Vault in Azure, user secrets locally.</summary>
    [MinLength(32)]
    public string? ApiKey { get; set; }
}
