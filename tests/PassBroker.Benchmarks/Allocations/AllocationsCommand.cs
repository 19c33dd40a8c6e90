using System.Globalization;
using System.Text;
using PassBroker.Benchmarks.Report;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Benchmarks.Allocations;

/// <summary>
/// Bytes PassBroker allocates per warm authorize, in-process and independent of machine load: the same client loop
/// sends N requests to the emulator directly (the upstream request PassBroker sends, replayed) and N warm authorizes
/// to the DevHost (as shipped: no own-time probe); the process's allocated bytes over each, per request, and the
/// difference. The emulator and the client are in this process and do the same work for both targets, so the
/// difference is PassBroker's own (its server pipeline and its upstream client), give or take the few bytes by which
/// the two targets' request and response headers differ. Optionally the types allocated, sampled, per target.
/// </summary>
internal static class AllocationsCommand
{
    private const string AuthorizeBody = """{"resource":"show-1"}""";

    public static async Task<int> RunAsync(AllocationSettings settings, TextWriter log)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await using var host = await BenchHost.StartAsync(azurite, "alloc", TimeSpan.FromSeconds(3), probes: false);
            var tokens = await Task.WhenAll(Enumerable.Range(1, settings.Devices).Select(i => host.SignedInDeviceAsync($"alloc-tv-{i}")));
            using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = settings.Concurrency });
            // Every device's copies and access token warmed, and the emulator shown what PassBroker sends.
            var passBroker = new Target("PassBroker warm authorize", new Uri(host.DevHost.BaseAddress, "/api/decisions/authorize"), AuthorizeBody,
                [.. tokens.Select(t => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["Authorization"] = "Bearer " + t })]);
            await passBroker.RunAsync(client, tokens.Length, 1);
            var upstream = await host.Upstream.Authorize;
            var direct = new Target("emulator direct", new Uri(host.Emulator.BaseAddress, upstream.Path), upstream.Body, [upstream.Headers]);

            using var sampler = settings.Types > 0 ? new AllocationTypeSampler() : null;
            var results = new List<(Target Target, double BytesPerRequest, IReadOnlyDictionary<string, long> Types)>();
            foreach (var target in new[] { direct, passBroker })
            {
                await target.RunAsync(client, settings.Warmup, settings.Concurrency);
                host.Tables.Reset();
                sampler?.Start();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                await target.RunAsync(client, settings.Requests, settings.Concurrency);
                var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
                var types = sampler?.Stop() ?? new Dictionary<string, long>();
                results.Add((target, bytes / (double)settings.Requests, types));
                log.WriteLine(Invariant($"{target.Name}: {bytes / (double)settings.Requests:F0} B/request over {settings.Requests} requests (Table reads {host.Tables.Reads}, writes {host.Tables.Writes})"));
            }
            var own = results[1].BytesPerRequest - results[0].BytesPerRequest;
            log.WriteLine(Invariant($"PassBroker's own: {own:F0} B per warm authorize"));
            if (settings.Types > 0)
            {
                log.Write(TypeTable(results[0].Types, results[1].Types, settings.Requests, settings.Types));
            }
            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>Sampled bytes per request by type, PassBroker's run minus the direct run, largest first.</summary>
    internal static string TypeTable(IReadOnlyDictionary<string, long> direct, IReadOnlyDictionary<string, long> passBroker, int requests, int top)
    {
        var md = new StringBuilder();
        md.AppendLine("| type (sampled) | direct B/request | PassBroker B/request | difference |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var type in passBroker.Keys.Union(direct.Keys)
            .Select(t => (Type: t, Direct: direct.GetValueOrDefault(t) / (double)requests, PassBroker: passBroker.GetValueOrDefault(t) / (double)requests))
            .OrderByDescending(t => t.PassBroker - t.Direct).Take(top))
        {
            md.AppendLine(Invariant($"| {type.Type} | {type.Direct:F0} | {type.PassBroker:F0} | {type.PassBroker - type.Direct:F0} |"));
        }
        return md.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <param name="Name">For the output.</param>
    /// <param name="Url">Where each request goes.</param>
    /// <param name="Body">The JSON body.</param>
    /// <param name="Headers">Header sets, taken round-robin (one per device).</param>
    private sealed record Target(string Name, Uri Url, string Body, IReadOnlyList<IReadOnlyDictionary<string, string>> Headers)
    {
        /// <summary>Sends <paramref name="count"/> requests, <paramref name="concurrency"/> at a time; any failure ends the run.</summary>
        public async Task RunAsync(HttpClient client, int count, int concurrency)
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
                    foreach (var (name, value) in Headers[i % Headers.Count])
                    {
                        if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                        {
                            request.Headers.TryAddWithoutValidation(name, value);
                        }
                    }
                    using var response = await client.SendAsync(request);
                    await response.Content.CopyToAsync(Stream.Null);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"{Name}: {(int)response.StatusCode} on request {i}.");
                    }
                }
            }));
        }
    }
}
