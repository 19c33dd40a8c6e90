using System.Diagnostics;
using System.Globalization;
using PassBroker.LocalAzurite;
using PassBroker.Testing.Hosting;

namespace PassBroker.Benchmarks.Durable;

/// <summary>
/// Azurite with all three services (Durable's Azure Storage provider needs blobs for its partition leases, queues for
/// its messages and tables for history and instances), in memory, on free loopback ports, killed with its process tree
/// on dispose. The DevHost's <see cref="AzuriteProcess"/> runs only the Table service, which is all PassBroker uses.
/// </summary>
internal sealed class AzuriteAccount : IAsyncDisposable
{
    private readonly Process _process;

    private AzuriteAccount(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={AzuriteProcess.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteAccount> StartAsync(string workDirectory)
    {
        var azurite = Path.Combine(RepositoryRoot.Find(), "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"{azurite} is missing: run `npm ci` in the repository root first.");
        }
        int[] ports = [LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free()];
        var start = new ProcessStartInfo(azurite)
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--blobHost", "127.0.0.1", "--blobPort", Port(ports[0]),
            "--queueHost", "127.0.0.1", "--queuePort", Port(ports[1]),
            "--tableHost", "127.0.0.1", "--tablePort", Port(ports[2]),
            "--inMemoryPersistence", "--skipApiVersionCheck", "--disableProductStyleUrl", "--loose", "--silent"])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        // Drain its output so a full pipe can never stall it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var account = new AzuriteAccount(process, ports[0], ports[1], ports[2]);
        var waited = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (!await AzuriteProcess.IsListeningAsync(port, CancellationToken.None))
            {
                if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(60))
                {
                    await account.DisposeAsync();
                    throw new InvalidOperationException($"Azurite did not listen on {string.Join(", ", ports)} within 60 s.");
                }
                await Task.Delay(100);
            }
        }
        return account;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
