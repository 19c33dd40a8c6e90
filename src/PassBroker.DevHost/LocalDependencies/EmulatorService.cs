using Microsoft.Extensions.Options;
using PassBroker.Emulator;

namespace PassBroker.DevHost.LocalDependencies;

/// <summary>Runs the Adobe Pass emulator inside the DevHost process, so no second terminal is needed.</summary>
internal sealed class EmulatorService(IOptions<LocalDependenciesOptions> options, ILogger<EmulatorService> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _emulator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = options.Value.EmulatorUrl.ToString().TrimEnd('/');
        _emulator = EmulatorApp.Create([$"--urls={url}"]);
        await _emulator.StartAsync(cancellationToken);
        logger.DependencyStarted("Adobe Pass emulator", url);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_emulator is not null)
        {
            await _emulator.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
