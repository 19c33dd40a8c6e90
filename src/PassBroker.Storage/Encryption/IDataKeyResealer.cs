namespace PassBroker.Storage.Encryption;

/// <summary>
/// Moves sealed device secrets forward to the current data key, a page of rows at a time, so an old key version can be
/// retired. Idempotent: rows already on the current key are only read.
/// </summary>
public interface IDataKeyResealer
{
    /// <param name="continuation">Where the previous call stopped; null to start at the beginning.</param>
    /// <param name="maxRows">Rows to read in this call.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    Task<ResealReport> ResealAsync(string? continuation, int maxRows, CancellationToken cancellationToken);
}

/// <summary>What one re-sealing call did.</summary>
/// <param name="CurrentVersion">The key version rows now carry.</param>
/// <param name="Scanned">Rows read.</param>
/// <param name="Resealed">Rows re-sealed with <paramref name="CurrentVersion"/>.</param>
/// <param name="Conflicts">Rows written by someone else meanwhile (that write sealed them with a current key; run again to be sure).</param>
/// <param name="Unreadable">Rows whose key version is unknown or whose value was altered: left as they are, logged by device key.</param>
/// <param name="Continuation">Pass it to the next call; null when the whole table has been read.</param>
public sealed record ResealReport(string CurrentVersion, int Scanned, int Resealed, int Conflicts, int Unreadable, string? Continuation);
