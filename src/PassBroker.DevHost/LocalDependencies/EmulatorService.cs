using Microsoft.Extensions.Options;
using PassBroker.Emulator;

namespace PassBroker.DevHost.LocalDependencies;

/// <summary>
/// Runs the Adobe Pass emulator inside the DevHost process, so no second terminal is needed. It gets the DevHost's
/// <c>Emulator</c> configuration section, so one appsettings file sets up both sides.
/// </summary>
internal sealed class EmulatorService(IOptions<LocalDependenciesOptions> options, IConfiguration configuration, ILogger<EmulatorService> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _emulator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = options.Value.EmulatorUrl.ToString().TrimEnd('/');
        // The DevHost's own "Emulator" section (e.g. the metadata certificate it encrypts for) goes to the emulator.
        var emulatorSettings = configuration.GetSection("Emulator").AsEnumerable()
            .Where(pair => pair.Value is not null)
            .Select(pair => $"--{pair.Key}={pair.Value}");
        _emulator = EmulatorApp.Create([$"--urls={url}", .. emulatorSettings]);
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
