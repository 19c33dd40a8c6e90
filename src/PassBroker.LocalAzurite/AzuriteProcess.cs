using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PassBroker.LocalAzurite;

/// <summary>
/// Azurite's Table service as a child process on 127.0.0.1: started from the repository's <c>node_modules</c>
/// (installing it with <c>npm ci</c> when missing), ready once its port accepts connections, killed with its
/// process tree on dispose. Used by the DevHost and by the test fixtures.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account; not a secret.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private AzuriteProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => ConnectionStringFor(Port);

    public static string ConnectionStringFor(int port) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;";

    /// <summary>Starts Azurite on <paramref name="port"/>, with its files in <paramref name="location"/> (only its logs
    /// when <paramref name="inMemory"/>), and waits until it accepts connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(int port, string location, bool inMemory, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        await NodeModules.EnsureInstalledAsync(root);
        Directory.CreateDirectory(location);
        var start = new ProcessStartInfo(Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-table.cmd" : "azurite-table"))
        {
            WorkingDirectory = location,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--disableProductStyleUrl", "--loose"])
        {
            start.ArgumentList.Add(argument);
        }
        // Azurite refuses --location together with --inMemoryPersistence; in memory, the working directory takes its logs.
        start.ArgumentList.Add(inMemory ? "--inMemoryPersistence" : "--location");
        if (!inMemory)
        {
            start.ArgumentList.Add(location);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var azurite = new AzuriteProcess(process, port);
        process.OutputDataReceived += (_, e) => azurite.Append(e.Data);
        process.ErrorDataReceived += (_, e) => azurite.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await azurite.WaitUntilListeningAsync(cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when something accepts connections on the loopback port.</summary>
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>What Azurite printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
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
            // Exited between the check and the kill: nothing left to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new AzuriteStartException($"Azurite exited with code {_process.ExitCode} before listening on port {Port}:\n{Output}");
            }
            if (await IsListeningAsync(Port, cancellationToken))
            {
                return;
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new AzuriteStartException($"Azurite did not listen on port {Port} within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
