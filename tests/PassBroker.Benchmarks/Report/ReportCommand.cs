using System.Diagnostics;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Benchmarks.Report;

/// <summary>Runs every measurement in one go and writes the Markdown report.</summary>
internal static class ReportCommand
{
    public static async Task<int> RunAsync(ReportSettings settings)
    {
        var log = Console.Out;
        var clock = Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("passbroker-bench-").FullName;
        var machine = MachineInfo.Describe();
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            HotPathResult hotPath;
            IReadOnlyList<StorageCost> storage;
            await using (var host = await BenchHost.StartAsync(azurite, "hot", TimeSpan.FromSeconds(3)))
            {
                log.WriteLine("Hot path (wrk)");
                hotPath = await HotPathBench.RunAsync(host, settings, work, log);
                log.WriteLine("Storage cost per use case");
                storage = await StorageCostBench.RunAsync(host);
            }

            var scale = new List<SignInScaleResult>();
            var scaleFailures = new List<string>();
            foreach (var pending in settings.SignIns)
            {
                log.WriteLine($"Sign-in scale: {pending} pending");
                try
                {
                    await using var host = await BenchHost.StartAsync(azurite, $"scale{pending}", settings.PollInterval);
                    scale.Add(await SignInScaleBench.RunAsync(host, pending, settings.PollInterval, log));
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException or PassBroker.Core.Errors.StoreUnavailableException)
                {
                    // A measurement the machine could not carry is a result too: the report says which and why.
                    scaleFailures.Add($"{pending} pending: did not complete ({e.GetType().Name}: {e.Message.Split('\n')[0]})");
                }
            }

            var markdown = MarkdownReport.Write(settings, machine, MachineInfo.Load(), hotPath, storage, scale, scaleFailures, clock.Elapsed);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!);
            await File.WriteAllTextAsync(settings.Output, markdown);
            log.WriteLine($"Wrote {settings.Output} in {clock.Elapsed.TotalMinutes:F1} min");
            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
            Directory.Delete(work, recursive: true);
        }
    }
}
