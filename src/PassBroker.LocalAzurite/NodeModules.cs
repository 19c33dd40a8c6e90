using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PassBroker.LocalAzurite;

/// <summary>Runs <c>npm ci</c> once when the repository's node_modules (and so Azurite) is missing, saying so on the
/// console while it runs (a first run waits for it, and silence looks like a hang).</summary>
public static class NodeModules
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(15);

    /// <param name="root">The repository root.</param>
    /// <param name="progress">Where to say that npm runs; none for the test fixtures.</param>
    public static async Task EnsureInstalledAsync(string root, ILogger? progress = null)
    {
        if (IsInstalled(root))
        {
            return;
        }
        // Test projects run in parallel processes: one installs while the others wait on the lock, then find it done.
        var lockName = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..16];
        var lockPath = Path.Combine(Path.GetTempPath(), $"passbroker-npm-{lockName}.lock");
        using var held = await AcquireAsync(lockPath);
        if (!IsInstalled(root))
        {
            progress?.NpmCiStarted();
            var took = Stopwatch.StartNew();
            using var ticker = progress is null ? null : new PeriodicTimer(ProgressInterval);
            var install = RunNpmCiAsync(root);
            while (ticker is not null && await Task.WhenAny(install, ticker.WaitForNextTickAsync().AsTask()) != install)
            {
                progress?.NpmCiRunning((int)took.Elapsed.TotalSeconds);
            }
            await install;
            progress?.NpmCiDone((int)took.Elapsed.TotalSeconds);
        }
    }

    private static bool IsInstalled(string root) =>
        File.Exists(Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-table.cmd" : "azurite-table"));

    private static async Task<FileStream> AcquireAsync(string path)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited.Elapsed < InstallTimeout)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task RunNpmCiAsync(string root)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("ci");
        start.ArgumentList.Add("--no-audit");
        start.ArgumentList.Add("--no-fund");
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started.");
        var output = npm.StandardOutput.ReadToEndAsync();
        var error = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"npm ci in {root} took longer than {InstallTimeout.TotalMinutes} minutes.");
        }
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {root} failed with code {npm.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
