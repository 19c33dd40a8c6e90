using System.Globalization;
using PassBroker.Emulator;

namespace PassBroker.DevHost.LocalDependencies;

/// <summary>
/// Runs the Adobe Pass emulator inside the DevHost process, so no second terminal is needed. It gets the DevHost's
/// <c>Emulator</c> configuration section, so one appsettings file sets up both sides.
/// </summary>
internal sealed class EmulatorService(LocalTopology topology, IConfiguration configuration, ILogger<EmulatorService> logger)
    : LocalDependency, IAsyncDisposable
{
    private WebApplication? _emulator;

    protected override async Task StartOnceAsync(CancellationToken cancellationToken)
    {
        var url = topology.EmulatorUrl.ToString().TrimEnd('/');
        // The DevHost's own "Emulator" section (e.g. the metadata certificate it encrypts for) goes to the emulator.
        // So is its console format, so both write alike whatever the working directory.
        var emulatorSettings = configuration.GetSection("Emulator").AsEnumerable()
            .Concat(configuration.GetSection("Logging:Console").AsEnumerable())
            .Where(pair => pair.Value is not null)
            .Select(pair => $"--{pair.Key}={pair.Value}");
        // The emulator's own story (sign-ins, decisions) stays on the console; ASP.NET Core's start-up lines do not
        // (the DevHost's banner names the emulator's address), nor its host's failure log: the failure reaches the
        // DevHost as an exception and is told once there.
        _emulator = EmulatorApp.Create([$"--urls={url}", "--Logging:LogLevel:Microsoft=Warning",
            "--Logging:LogLevel:Microsoft.Extensions.Hosting=None", .. emulatorSettings]);
        try
        {
            await _emulator.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            var port = topology.EmulatorUrl.Port.ToString(CultureInfo.InvariantCulture);
            throw new DevHostStartException($"port {port} (the Adobe Pass emulator's) is in use. Stop what listens there (`lsof -i :{port}`), "
                + "or run on other ports with `--port <port>` (the emulator then on <port> + 9), "
                + "or choose the emulator's address alone with `--DevHost:EmulatorUrl=http://127.0.0.1:<port>`.", e);
        }
        logger.DependencyStarted("Adobe Pass emulator", url);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
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
