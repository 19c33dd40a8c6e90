using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Testing.Hosting;

namespace PassBroker.Benchmarks.Report;

/// <summary>
/// N sign-ins pending at once in one DevHost: how close the upstream poll rate stays to N / PollInterval, what that
/// costs in CPU and memory, and how soon a completed MVPD login is noticed.
/// </summary>
internal static class SignInScaleBench
{
    public static async Task<SignInScaleResult> RunAsync(BenchHost host, int pending, TimeSpan pollInterval, TextWriter log)
    {
        // The devices are stored directly, sharing one DCR client registered through the API: registration is not
        // what this measures, and N of them through DCR would take most of the run.
        var templateToken = await host.RegisterAsync("scale-template");
        DeviceTokens.TryParse(templateToken, out var templateKey, out _);
        var store = host.DevHost.Services.GetRequiredService<IDeviceStore>();
        var template = await store.FindAsync(templateKey, CancellationToken.None)
            ?? throw new InvalidOperationException("The template device is missing.");
        var started = Stopwatch.StartNew();
        // Sign-ins start as a fleet of devices would start them, a bounded number at a time.
        var sessions = new (string Token, string Code, string LoginUrl)?[pending];
        await Parallel.ForEachAsync(Enumerable.Range(0, pending), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var deviceId = $"scale-{pending}-{i}";
            var key = DeviceKeys.New();
            var (token, hash) = DeviceTokens.Issue(key);
            try
            {
                await store.AddAsync(template with { DeviceKey = key, DeviceId = deviceId, DeviceTokenHash = hash, ETag = null }, CancellationToken.None);
            }
            catch (ConcurrencyConflictException)
            {
                // An overloaded Azurite timed out an insert that did land; the SDK's retry then finds the row.
            }
            catch (StoreUnavailableException)
            {
                // Azurite did not keep up: this device does not take part (the report shows how many did).
                return;
            }
            sessions[i] = await TryStartAsync(host, token);
        });
        var startSeconds = started.Elapsed.TotalSeconds;
        var running = sessions.OfType<(string Token, string Code, string LoginUrl)>().ToArray();
        log.WriteLine($"  {running.Length} of {pending} sign-ins pending after {startSeconds:F0} s");

        // Steady state: one interval for the last started to reach its first poll, then a window of two intervals.
        await Task.Delay(pollInterval);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var windowStart = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        long peakWorkingSet = 0, peakManaged = 0;
        var window = pollInterval * 2;
        while (clock.Elapsed < window)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            process.Refresh();
            peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
            peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
        }
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / seconds;
        var polls = host.Upstream.PollsSince(windowStart);

        // Time to notice: a few users finish their MVPD login at once; each device long-polls its status.
        var sample = running.Take(20).ToArray();
        var noticed = await Task.WhenAll(sample.Select(async s =>
        {
            using var device = host.Client(s.Token);
            await BrowserLogin.SignInAsync(s.LoginUrl, "alice", "alice-pw");
            var loggedIn = Stopwatch.StartNew();
            var status = await BenchHost.WaitForSignInAsync(device, s.Code);
            return status == "authenticated" ? loggedIn.Elapsed.TotalSeconds : double.NaN;
        }));
        return new SignInScaleResult(pending, running.Length, pollInterval, startSeconds, polls / seconds, running.Length / pollInterval.TotalSeconds,
            cpu, peakWorkingSet / 1048576.0, peakManaged / 1048576.0, [.. noticed]);
    }

    // A start the overloaded store answered 503 is tried again, as an app would; after three, it is counted as not started.
    private static async Task<(string Token, string Code, string LoginUrl)?> TryStartAsync(BenchHost host, string token)
    {
        using var device = host.Client(token);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                var (code, loginUrl) = await BenchHost.StartSignInAsync(device);
                return (token, code, loginUrl);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && attempt < 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return null;
            }
        }
        return null;
    }
}

/// <param name="Pending">Sign-ins asked for.</param>
/// <param name="Started">Sign-ins that started (the rest were refused by an overloaded store three times).</param>
/// <param name="PollInterval">SignIn:PollInterval.</param>
/// <param name="StartSeconds">Time to store the devices and start their sign-ins.</param>
/// <param name="PollsPerSecond">Upstream polls per second seen by the emulator in the window.</param>
/// <param name="ExpectedPerSecond">Started / PollInterval.</param>
/// <param name="CpuCores">CPU seconds per second of this process (DevHost and emulator) in the window.</param>
/// <param name="PeakWorkingSetMb">Largest working set sampled in the window.</param>
/// <param name="PeakManagedMb">Largest managed heap sampled in the window.</param>
/// <param name="NoticeSeconds">Per sampled user: MVPD login done → status authenticated (NaN: never).</param>
internal sealed record SignInScaleResult(int Pending, int Started, TimeSpan PollInterval, double StartSeconds, double PollsPerSecond, double ExpectedPerSecond,
    double CpuCores, double PeakWorkingSetMb, double PeakManagedMb, IReadOnlyList<double> NoticeSeconds);
