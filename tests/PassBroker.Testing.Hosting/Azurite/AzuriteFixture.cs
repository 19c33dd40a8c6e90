using PassBroker.LocalAzurite;
using Xunit;

namespace PassBroker.Testing.Hosting.Azurite;

/// <summary>
/// Azurite's Table service for a test run, on a free loopback port so parallel test projects never collide, in memory
/// (or in files, <see cref="Persistent"/>).
/// Declare the collection in the test assembly (xunit only finds collection definitions there):
/// <code>[CollectionDefinition(Name)] public sealed class AzuriteCollection : ICollectionFixture&lt;AzuriteFixture&gt; { public const string Name = "Azurite"; }</code>
/// Set <c>PASSBROKER_AZURITE_CONNECTION</c> to use an Azurite (or storage account) that is already running instead.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionVariable = "PASSBROKER_AZURITE_CONNECTION";

    private AzuriteProcess? _process;
    private string? _workDirectory;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Keep the data in files (in the fixture's folder) instead of memory, so it survives <see cref="RestartAsync"/>.</summary>
    public bool Persistent { get; init; }

    /// <summary>The Table service's port (from the connection string when an external Azurite is used).</summary>
    public int Port { get; private set; }

    /// <summary>True when this fixture runs Azurite itself, so <see cref="StopAsync"/> and <see cref="RestartAsync"/> work.</summary>
    public bool IsOwnProcess => _workDirectory is not null;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } external)
        {
            ConnectionString = external;
            Port = PortOf(external);
            return;
        }

        _workDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
        // A port picked free can be taken again before Azurite binds it; a few tries make that race harmless.
        for (var attempt = 1; ; attempt++)
        {
            Port = LoopbackPorts.Free();
            try
            {
                _process = await AzuriteProcess.StartAsync(Port, _workDirectory, inMemory: !Persistent, CancellationToken.None);
                break;
            }
            catch (AzuriteStartException e) when (attempt < 3 && e.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
            }
        }
        ConnectionString = AzuriteProcess.ConnectionStringFor(Port);
    }

    /// <summary>Stops Azurite, so tests can see storage go away. Its data is lost unless <see cref="Persistent"/>.</summary>
    public async Task StopAsync()
    {
        EnsureOwnProcess();
        if (Persistent)
        {
            // Azurite writes its files every 5 s (LokiJS autosave) and a kill loses what it had not written: an emulator
            // artefact (Table Storage acknowledges only durable writes), so wait for one save.
            await Task.Delay(TimeSpan.FromSeconds(6));
        }
        await KillAsync();
    }

    /// <summary>Starts Azurite again on the same port (and connection string): on the same files when
    /// <see cref="Persistent"/>, else empty.</summary>
    public async Task RestartAsync()
    {
        EnsureOwnProcess();
        await KillAsync();
        _process = await AzuriteProcess.StartAsync(Port, _workDirectory!, inMemory: !Persistent, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await KillAsync();
        if (_workDirectory is not null)
        {
            try
            {
                Directory.Delete(_workDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; failing the run over it is not.
            }
        }
    }

    private async Task KillAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await process.DisposeAsync();
        }
    }

    private void EnsureOwnProcess()
    {
        if (!IsOwnProcess)
        {
            throw new InvalidOperationException($"Azurite is external ({ConnectionVariable}); this fixture cannot stop or restart it.");
        }
    }

    private static int PortOf(string connectionString)
    {
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("TableEndpoint=", StringComparison.OrdinalIgnoreCase) &&
                Uri.TryCreate(part["TableEndpoint=".Length..], UriKind.Absolute, out var endpoint))
            {
                return endpoint.Port;
            }
        }
        // UseDevelopmentStorage=true and account connection strings without an explicit endpoint.
        return connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase) ? 10002 : 443;
    }
}
