namespace PassBroker.Core.Decisions.Rules;

/// <summary>The plays each device holds, one per resource, for <see cref="ConcurrentPlaysRule"/>. Shared by every instance.</summary>
public interface IPlayStore
{
    /// <summary>The device's plays whose lease ends after <paramref name="now"/>.</summary>
    Task<IReadOnlyList<ActivePlay>> ListActiveAsync(string deviceKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Starts a play of <paramref name="resource"/>, or renews it: its lease now ends at <paramref name="leaseEnds"/>.</summary>
    /// <returns>The version of the lease as written (the row's ETag), for <see cref="RestoreAsync"/>.</returns>
    Task<string?> RecordAsync(string deviceKey, string resource, DateTimeOffset leaseEnds, CancellationToken cancellationToken);

    /// <summary>
    /// Takes back a <see cref="RecordAsync"/> whose play was not permitted: puts <paramref name="previous"/> back, or
    /// deletes the lease when there was none. Only while the lease is still at <paramref name="version"/> (null: whatever
    /// it is), so a write of the same title that came in between is kept.
    /// </summary>
    /// <param name="deviceKey">The device.</param>
    /// <param name="resource">The title whose lease is taken back.</param>
    /// <param name="previous">The lease before the write, or null when the title had none.</param>
    /// <param name="version">What <see cref="RecordAsync"/> returned, or null when that write failed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the lease was taken back (false: someone wrote it meanwhile, or it was gone).</returns>
    Task<bool> RestoreAsync(string deviceKey, string resource, ActivePlay? previous, string? version, CancellationToken cancellationToken);

    /// <summary>Ends every play of the device (the user signed out).</summary>
    Task RemoveAllAsync(string deviceKey, CancellationToken cancellationToken);
}
