using System.Globalization;
using PassBroker.LocalAzurite;

namespace PassBroker.DevHost.LocalDependencies;

/// <summary>
/// Starts Azurite for the DevHost on the topology's port, keeping its data in the topology's folder (<c>.azurite/</c>
/// for the default port) so pending sign-ins survive a DevHost restart. An Azurite of this checkout that is already
/// running on that port is used; anything else there is an error that says what to do.
/// </summary>
internal sealed class AzuriteService(LocalTopology topology, ILogger<AzuriteService> logger) : LocalDependency, IAsyncDisposable
{
    private AzuriteProcess? _azurite;

    protected override async Task StartOnceAsync(CancellationToken cancellationToken)
    {
        var port = topology.AzuriteTablePort;
        var location = topology.AzuriteLocation;
        if (await AzuriteProcess.IsListeningAsync(port, cancellationToken))
        {
            if (!await AzuriteIdentity.IsOursAsync(port, location, cancellationToken))
            {
                throw new DevHostStartException(PortTakenMessage(port, location, topology.Origin?.Port ?? LocalTopology.DefaultPort));
            }
            logger.DependencyStarted("Azurite (already running, this checkout's)", $"http://127.0.0.1:{port}");
            return;
        }
        var root = RepositoryRoot.Find();
        await NodeModules.EnsureInstalledAsync(root, logger);
        try
        {
            _azurite = await AzuriteProcess.StartAsync(port, location, inMemory: false, cancellationToken);
        }
        catch (AzuriteStartException e)
        {
            // Told by Program as a set-up problem, its message alone.
            throw new DevHostStartException(e.Message, e);
        }
        await AzuriteIdentity.StampAsync(port, location, cancellationToken);
        logger.DependencyStarted("Azurite (Table Storage)", $"http://127.0.0.1:{port}");
    }

    public override Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }

    private static string PortTakenMessage(int port, string location, int ownPort)
    {
        var p = port.ToString(CultureInfo.InvariantCulture);
        var other = (ownPort + 100).ToString(CultureInfo.InvariantCulture);
        var otherAzurite = (ownPort + 100 + LocalTopology.AzuriteOffset).ToString(CultureInfo.InvariantCulture);
        return $"port {p} (Azurite's) is taken by something that is not this checkout's Azurite (whose data is in {location}), "
            + "and the DevHost will not keep its devices and sign-ins in someone else's storage. Either stop what listens there "
            + $"(`lsof -i :{p}` or `ss -ltnp 'sport = :{p}'` names it), or run on other ports: "
            + $"`dotnet run --project src/PassBroker.DevHost -- --port {other}` (Azurite then on {otherAzurite}), or choose Azurite's port alone with "
            + "`--DevHost:AzuriteTablePort=<port>`. To use that storage on purpose: `--DevHost:StartAzurite=false --Storage:ConnectionString=<its connection string>`.";
    }
}
