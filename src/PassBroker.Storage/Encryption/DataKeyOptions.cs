namespace PassBroker.Storage.Encryption;

/// <summary>
/// Data keys taken from configuration (<c>Storage:DataKeys</c>): the version to seal with, and every version still
/// needed to open older records. Rotate by adding a key and pointing <see cref="Current"/> at it; drop an old key only
/// once no record is sealed with it.
/// </summary>
public sealed class DataKeyOptions
{
    public const string SectionName = StorageOptions.SectionName + ":" + nameof(StorageOptions.DataKeys);

    /// <summary>The version new values are sealed with; must be one of <see cref="Keys"/>.</summary>
    public string? Current { get; set; }

    /// <summary>Key version → base64 of 32 random bytes.</summary>
    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);
}
