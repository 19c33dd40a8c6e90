namespace PassBroker.Core.Management;

/// <summary>
/// Where the one <see cref="ManagementClientRecord"/> of the deployment is kept, shared by all instances. Writes use
/// optimistic concurrency, as <see cref="Devices.IDeviceStore"/>'s do, so instances racing to store a client agree on one.
/// </summary>
public interface IManagementClientStore
{
    /// <summary>The stored client, or null when none was registered yet.</summary>
    Task<ManagementClientRecord?> FindAsync(CancellationToken cancellationToken);

    /// <summary>Stores the first client. Throws <see cref="Errors.ConcurrencyConflictException"/> when one is stored already.</summary>
    /// <returns>The stored record with its new <see cref="ManagementClientRecord.ETag"/>.</returns>
    Task<ManagementClientRecord> AddAsync(ManagementClientRecord client, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored client if its version still equals <see cref="ManagementClientRecord.ETag"/>; otherwise throws
    /// <see cref="Errors.ConcurrencyConflictException"/> and changes nothing.
    /// </summary>
    Task<ManagementClientRecord> UpdateAsync(ManagementClientRecord client, CancellationToken cancellationToken);
}
