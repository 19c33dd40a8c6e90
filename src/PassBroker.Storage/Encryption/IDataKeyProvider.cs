namespace PassBroker.Storage.Encryption;

/// <summary>
/// The keys that seal device secrets at rest. Keys are versioned so they can be rotated: new values are sealed with
/// <see cref="CurrentKey"/>, and values sealed earlier name their version and open with <see cref="GetKey"/>.
/// </summary>
public interface IDataKeyProvider
{
    /// <summary>The key new values are sealed with.</summary>
    DataKey CurrentKey { get; }

    /// <summary>The key of that version, or null when this provider does not know it (retired or never existed).</summary>
    DataKey? GetKey(string version);
}
