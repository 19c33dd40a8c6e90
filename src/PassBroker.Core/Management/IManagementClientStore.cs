namespace PassBroker.Core.Management;

/// <summary>
/// Where the one <see cref="ManagementClientRecord"/> of each brand is kept, shared by all instances. Writes use
/// optimistic concurrency, as <see cref="Devices.IDeviceStore"/>'s do, so instances racing to store a client agree on one.
/// </summary>
public interface IManagementClientStore
{
    /// <summary>The brand's stored client, or null when none was registered yet.</summary>
    /// <param name="brand">The brand (<see cref="Brands.BrandKeys"/>); each has its own client, made with its software statement.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    Task<ManagementClientRecord?> FindAsync(string brand, CancellationToken cancellationToken);

    /// <summary>The default brand's stored client (<see cref="FindAsync(string, CancellationToken)"/>).</summary>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    Task<ManagementClientRecord?> FindAsync(CancellationToken cancellationToken) => FindAsync(Brands.BrandKeys.Default, cancellationToken);

    /// <summary>Stores the first client of its <see cref="ManagementClientRecord.Brand"/>. Throws <see cref="Errors.ConcurrencyConflictException"/> when one is stored already.</summary>
    /// <returns>The stored record with its new <see cref="ManagementClientRecord.ETag"/>.</returns>
    Task<ManagementClientRecord> AddAsync(ManagementClientRecord client, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored client if its version still equals <see cref="ManagementClientRecord.ETag"/>; otherwise throws
    /// <see cref="Errors.ConcurrencyConflictException"/> and changes nothing.
    /// </summary>
    Task<ManagementClientRecord> UpdateAsync(ManagementClientRecord client, CancellationToken cancellationToken);
}
