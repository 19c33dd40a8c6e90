using PassBroker.Core.Errors;
using PassBroker.Core.Management;

namespace PassBroker.TestHelpers.Fakes;

/// <summary>An <see cref="IManagementClientStore"/> with the table store's concurrency contract, shared by "instances" in unit tests.</summary>
public sealed class InMemoryManagementClientStore : IManagementClientStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ManagementClientRecord> _clients = new(StringComparer.Ordinal);
    private int _version;

    /// <summary>What is stored now for the default brand, without going through the contract (for assertions).</summary>
    public ManagementClientRecord? Stored => StoredFor(Core.Brands.BrandKeys.Default);

    /// <summary>What is stored now for <paramref name="brand"/> (for assertions).</summary>
    /// <param name="brand">The brand's key.</param>
    public ManagementClientRecord? StoredFor(string brand)
    {
        lock (_gate)
        {
            return _clients.GetValueOrDefault(brand);
        }
    }

    /// <summary>Runs before each <see cref="FindAsync"/> returns: a test holds readers here to line up a race.</summary>
    public Func<Task>? BeforeFind { get; set; }

    public async Task<ManagementClientRecord?> FindAsync(string brand, CancellationToken cancellationToken)
    {
        var found = StoredFor(brand);
        if (BeforeFind is { } hook)
        {
            await hook();
        }
        return found;
    }

    public Task<ManagementClientRecord> AddAsync(ManagementClientRecord client, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _clients.ContainsKey(client.Brand) ? throw new ConcurrencyConflictException("exists") : Task.FromResult(_clients[client.Brand] = Next(client));
        }
    }

    public Task<ManagementClientRecord> UpdateAsync(ManagementClientRecord client, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _clients.TryGetValue(client.Brand, out var stored) && stored.ETag == client.ETag
                ? Task.FromResult(_clients[client.Brand] = Next(client))
                : throw new ConcurrencyConflictException("stale");
        }
    }

    private ManagementClientRecord Next(ManagementClientRecord client) =>
        client with { ETag = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
