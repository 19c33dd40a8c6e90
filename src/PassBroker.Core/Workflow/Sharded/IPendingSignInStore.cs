namespace PassBroker.Core.Workflow.Sharded;

/// <summary>
/// The pending sign-ins of the sharded shape, partitioned by shard and slot, one row per device: a shard's round reads
/// exactly the rows due in its tick.
/// </summary>
public interface IPendingSignInStore
{
    /// <summary>Writes the device's row, replacing the device's older one (a newer sign-in replaces the older).</summary>
    Task PutAsync(PendingSignIn row, CancellationToken cancellationToken);

    /// <summary>The rows of <paramref name="shard"/> and <paramref name="slot"/> whose first due tick is at or before
    /// <paramref name="tick"/>.</summary>
    IAsyncEnumerable<PendingSignIn> ListDueAsync(int shard, int slot, long tick, CancellationToken cancellationToken);

    /// <summary>Removes the row if it is still the version read (<see cref="PendingSignIn.ETag"/>); false when a newer
    /// sign-in replaced it meanwhile (that one stays) or it is gone.</summary>
    Task<bool> RemoveAsync(PendingSignIn row, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="shard"/> holds any row, in any slot.</summary>
    Task<bool> AnyAsync(int shard, CancellationToken cancellationToken);
}
