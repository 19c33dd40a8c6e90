using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.Support;

/// <summary>
/// A store test class's lifecycle on the shared Azurite: its own storage host (and table prefix) per test, and the
/// tables deleted afterwards so the emulator does not fill up over a run.
/// </summary>
public abstract class AzuriteStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private protected AzuriteFixture Azurite { get; } = azurite;

    private protected StorageTestHost Storage { get; private set; } = null!;

    public async Task InitializeAsync() => Storage = await StorageTestHost.StartAsync(Azurite.ConnectionString);

    public async Task DisposeAsync()
    {
        await Storage.DeleteTablesAsync();
        await Storage.DisposeAsync();
    }
}
