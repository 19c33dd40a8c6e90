namespace PassBroker.Storage.Encryption;

/// <summary>
/// The keys that seal device secrets at rest. Keys are versioned so they can be rotated: new values are sealed with
/// the current key, and values sealed earlier name their version and open with <see cref="GetKeyAsync"/>. Providers
/// keep keys in memory, so these calls cost a vault read only when a key is first seen or the current one is refreshed.
/// </summary>
public interface IDataKeyProvider
{
    /// <summary>The key new values are sealed with.</summary>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    ValueTask<DataKey> GetCurrentKeyAsync(CancellationToken cancellationToken);

    /// <summary>The key of that version, or null when this provider does not know it (retired, disabled or never existed).</summary>
    /// <param name="version">The version a sealed value names.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    ValueTask<DataKey?> GetKeyAsync(string version, CancellationToken cancellationToken);
}
