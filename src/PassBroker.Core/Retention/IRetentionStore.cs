namespace PassBroker.Core.Retention;

/// <summary>The kinds of rows the purge deletes once their retention ran out.</summary>
public enum RetainedData
{
    /// <summary>Sign-ins (with their code rows), past <see cref="RetentionOptions.Sessions"/> after the code expired.</summary>
    Sessions,

    /// <summary>Code rows left without their sign-in (say, a run stopped between the two deletes).</summary>
    SessionCodes,

    /// <summary>Play leases that ended.</summary>
    Plays,

    /// <summary>Cached permits past their <c>notAfter</c>.</summary>
    Decisions,

    /// <summary>Copies of a device's profiles past their <c>notAfter</c>.</summary>
    Profiles,

    /// <summary>Devices that never completed a sign-in.</summary>
    UnusedDevices,
}

/// <summary>One row the purge may delete: where it is, and the version it was listed at.</summary>
/// <param name="Kind">What the row is.</param>
/// <param name="Partition">The store's partition of the row (opaque here).</param>
/// <param name="Row">The store's key of the row within its partition (opaque here).</param>
/// <param name="Version">The row's version when listed: the delete happens only if it still has it.</param>
public sealed record ExpiredRow(RetainedData Kind, string Partition, string Row, string Version);

/// <summary>A page of expired rows and where the listing goes on (null: the end of the table).</summary>
public sealed record ExpiredPage(IReadOnlyList<ExpiredRow> Rows, string? Continuation);

/// <summary>What a delete found.</summary>
public enum PurgeOutcome
{
    /// <summary>The row is gone.</summary>
    Deleted,

    /// <summary>The row changed since it was listed (renewed, signed in, re-registered): it stays.</summary>
    Changed,

    /// <summary>Someone else deleted it first.</summary>
    AlreadyGone,
}

/// <summary>
/// The stores' side of the purge: listing the rows whose retention ran out, and deleting one only if it has not
/// changed since it was listed. Both are idempotent, so a run that stops anywhere is simply carried on by the next.
/// </summary>
public interface IRetentionStore
{
    /// <summary>Rows of <paramref name="kind"/> that stopped being of use before <paramref name="cutoff"/>.</summary>
    /// <param name="kind">What to list.</param>
    /// <param name="cutoff">Rows whose moment of last use is earlier are listed.</param>
    /// <param name="continuation">Where the previous page ended; null to start at the beginning.</param>
    /// <param name="maxRows">The most rows of the page.</param>
    /// <param name="cancellationToken">The run's cancellation.</param>
    Task<ExpiredPage> ListExpiredAsync(RetainedData kind, DateTimeOffset cutoff, string? continuation, int maxRows, CancellationToken cancellationToken);

    /// <summary>Deletes the row (and what belongs only to it) if it still has the version it was listed with.</summary>
    Task<PurgeOutcome> DeleteAsync(ExpiredRow row, CancellationToken cancellationToken);
}
