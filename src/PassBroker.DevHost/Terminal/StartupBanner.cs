using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PassBroker.DevHost.LocalDependencies;
using PassBroker.DevHost.Observability;

namespace PassBroker.DevHost.Terminal;

/// <summary>
/// A few lines on the console once the DevHost listens: every address a developer needs, where the data lives, how to
/// stop. Written to the console itself rather than logged, so it reads as a banner, and only when the console logger
/// is on (hosts built by tests log elsewhere and get none).
/// </summary>
internal sealed class StartupBanner(
    IHostApplicationLifetime lifetime, IServer server, LocalTopology topology, IConfiguration configuration,
    IOptions<LocalDependenciesOptions> options, IEnumerable<ILoggerProvider> providers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (providers.OfType<ConsoleLoggerProvider>().Any())
        {
            lifetime.ApplicationStarted.Register(() => Console.Out.Write(Text()));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The banner, one line per address.</summary>
    public string Text()
    {
        var site = (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? topology.Origin?.ToString() ?? "").TrimEnd('/');
        var local = options.Value;
        var adobe = local.StartEmulator
            ? $"{topology.EmulatorUrl.GetLeftPart(UriPartial.Authority)}  emulator; users alice, bob, carol, password <name>-pw"
            : $"{configuration["AdobePass:BaseUrl"]}  (AdobePass:BaseUrl)";
        var storage = local.StartAzurite
            ? $"http://127.0.0.1:{topology.AzuriteTablePort}  Azurite; data in {topology.AzuriteLocation}"
            : "as Storage:ConnectionString says (not started here)";
        var telemetry = configuration.GetValue(DevHostTelemetry.ConsoleSetting, false)
            ? "spans and metrics on the console (Telemetry:Console)"
            : "off on the console (--Telemetry:Console=true prints spans and metrics)";
        return new StringBuilder()
            .AppendLine("PassBroker DevHost is running. Press Ctrl+C to stop it.")
            .AppendLine($"  API            {site}/api  (walk-through: src/PassBroker.DevHost/PassBroker.DevHost.http)")
            .AppendLine($"  API reference  {site}/docs/")
            .AppendLine($"  Second screen  {site}/authn")
            .AppendLine($"  Sample TV app  {site}/sample/tv")
            .AppendLine($"  Adobe Pass     {adobe}")
            .AppendLine($"  Table Storage  {storage}")
            .AppendLine($"  Telemetry      {telemetry}")
            .ToString();
    }
}
