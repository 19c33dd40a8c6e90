using System.Diagnostics;
using System.Net;
using System.Text;
using PassBroker.LocalAzurite;

namespace PassBroker.Integration.Tests.Support;

/// <summary>
/// The built DevHost as a child process (<c>dotnet PassBroker.DevHost.dll</c>, copied next to the tests as a project
/// reference), for tests that must kill it for real: <see cref="Kill"/> is SIGKILL, so no shutdown code runs.
/// </summary>
public sealed class DevHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly SemaphoreSlim _printed = new(0);

    private DevHostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process printed so far (its console log).</summary>
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

    /// <summary>Starts the DevHost on <paramref name="port"/> with the settings (<c>--Section:Key=value</c>) and waits until
    /// its health route answers 200.</summary>
    /// <param name="port">A free loopback port.</param>
    /// <param name="settings">Configuration overrides; nothing else is read (the working folder holds no appsettings.json).</param>
    public static Task<DevHostProcess> StartAsync(int port, IEnumerable<string> settings) =>
        StartAsync(new Uri($"http://127.0.0.1:{port}"), [$"--urls=http://127.0.0.1:{port}", .. settings], developer: false);

    /// <summary>
    /// Starts the DevHost as <c>dotnet run --project src/PassBroker.DevHost -- --port N</c> does: Development, the
    /// project's own appsettings.json, its emulator and Azurite, and <paramref name="arguments"/> (which include the port).
    /// </summary>
    /// <param name="baseAddress">Where the DevHost will answer.</param>
    /// <param name="arguments">Its command line.</param>
    public static Task<DevHostProcess> StartAsDeveloperAsync(Uri baseAddress, params string[] arguments) =>
        StartAsync(baseAddress, arguments, developer: true);

    /// <summary>Runs the DevHost as <see cref="StartAsDeveloperAsync"/> does and waits until it exits by itself.</summary>
    /// <param name="arguments">Its command line.</param>
    /// <returns>The exit code, and what it printed.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsDeveloperUntilExitAsync(params string[] arguments)
    {
        await using var host = Launch(new Uri("http://127.0.0.1"), arguments, developer: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host._process.WaitForExitAsync(timeout.Token);
        // The exit is seen before the last redirected lines are; the parameterless wait drains them.
        host._process.WaitForExit();
        return (host._process.ExitCode, host.Output);
    }

    private static async Task<DevHostProcess> StartAsync(Uri baseAddress, IEnumerable<string> arguments, bool developer)
    {
        var host = Launch(baseAddress, arguments, developer);
        try
        {
            await host.WaitUntilHealthyAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static DevHostProcess Launch(Uri baseAddress, IEnumerable<string> arguments, bool developer)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory.CreateTempSubdirectory("devhost-").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PassBroker.DevHost.dll"));
        if (developer)
        {
            start.ArgumentList.Add($"--contentRoot={Path.Combine(RepositoryRoot.Find(), "src", "PassBroker.DevHost")}");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = start };
        var host = new DevHostProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until the process has printed <paramref name="text"/> (its console logger writes asynchronously).</summary>
    /// <param name="text">What to wait for.</param>
    /// <param name="timeout">How long at most.</param>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            try
            {
                await _printed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The DevHost did not print \"{text}\" within {timeout.TotalSeconds} s:\n{Output}");
            }
        }
    }

    public HttpClient CreateClient(string? deviceToken = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (deviceToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", deviceToken);
        }
        return client;
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it was doing.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or gone already.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_process.StartInfo.WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp folder is harmless.
        }
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The DevHost exited with code {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly on a busy machine.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The DevHost did not become healthy within 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
            _printed.Release();
        }
    }
}
