using PassBroker.Core.Errors;
using PassBroker.Core.Management;

namespace PassBroker.TestHelpers.Fakes;

/// <summary>An <see cref="IManagementClientStore"/> with the table store's concurrency contract, shared by "instances" in unit tests.</summary>
public sealed class InMemoryManagementClientStore : IManagementClientStore
{
    private readonly Lock _gate = new();
    private ManagementClientRecord? _client;
    private int _version;

    /// <summary>What is stored now, without going through the contract (for assertions).</summary>
    public ManagementClientRecord? Stored
    {
        get
        {
            lock (_gate)
            {
                return _client;
            }
        }
    }

    /// <summary>Runs before each <see cref="FindAsync"/> returns: a test holds readers here to line up a race.</summary>
    public Func<Task>? BeforeFind { get; set; }

    public async Task<ManagementClientRecord?> FindAsync(CancellationToken cancellationToken)
    {
        var found = Stored;
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
            return _client is null ? Task.FromResult(_client = Next(client)) : throw new ConcurrencyConflictException("exists");
        }
    }

    public Task<ManagementClientRecord> UpdateAsync(ManagementClientRecord client, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _client is not null && _client.ETag == client.ETag
                ? Task.FromResult(_client = Next(client))
                : throw new ConcurrencyConflictException("stale");
        }
    }

    private ManagementClientRecord Next(ManagementClientRecord client) =>
        client with { ETag = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
