using System.ComponentModel.DataAnnotations;

namespace PassBroker.Http.Admin;

/// <summary>
/// Where the operators' credential for the admin routes (Temp Pass reset, data-key re-sealing) is kept: a secret in the
/// secret store (Key Vault in Azure, <c>Secrets:Values</c> locally). Missing or shorter than 32 characters, every admin
/// request is refused. <see cref="ApiKeySecret"/> holds the key for every brand; <see cref="Keys"/> adds keys limited to
/// some brands (a brand's own operators), e.g.
/// <code>
/// "Admin": { "ApiKeySecret": "admin-api-key",
///            "Keys": [ { "Secret": "admin-key-sports", "Brands": [ "sports" ] } ] }
/// </code>
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public const int MinimumKeyLength = 32;

    /// <summary>The secret's name; its value is sent as <c>Authorization: Bearer &lt;value&gt;</c>.</summary>
    [Required]
    public string ApiKeySecret { get; set; } = "admin-api-key";

    /// <summary>More admin keys, each for the brands it lists (public ids); a key without a list is for every brand.</summary>
    public List<AdminKeyOptions> Keys { get; set; } = [];
}

/// <summary>One more admin key: the secret holding it and the brands (public ids) it may act for; none listed, all.</summary>
public sealed class AdminKeyOptions
{
    /// <summary>The secret's name; its value is sent as <c>Authorization: Bearer &lt;value&gt;</c>.</summary>
    [Required]
    public string Secret { get; set; } = "";

    /// <summary>The brands' public ids (<c>Brand:Id</c> for the default brand); empty: every brand.</summary>
    public List<string> Brands { get; set; } = [];
}
