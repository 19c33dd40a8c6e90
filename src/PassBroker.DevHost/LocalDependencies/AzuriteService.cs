using Microsoft.Extensions.Options;

namespace PassBroker.DevHost.LocalDependencies;

/// <summary>
/// Starts Azurite for the DevHost, keeping its data in <c>.azurite/</c> at the repository root so pending sign-ins
/// survive a DevHost restart. Leaves an Azurite that is already running alone.
/// </summary>
internal sealed class AzuriteService(IOptions<LocalDependenciesOptions> options, ILogger<AzuriteService> logger) : IHostedService, IAsyncDisposable
{
    private AzuriteProcess? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = options.Value.AzuriteTablePort;
        if (await AzuriteProcess.IsListeningAsync(port, cancellationToken))
        {
            logger.DependencyStarted("Table Storage (already running)", $"http://127.0.0.1:{port}");
            return;
        }
        var location = Path.Combine(RepositoryRoot.Find(), ".azurite");
        _azurite = await AzuriteProcess.StartAsync(port, location, inMemory: false, cancellationToken);
        logger.DependencyStarted("Azurite (Table Storage)", $"http://127.0.0.1:{port}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }
}
