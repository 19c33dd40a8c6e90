using System.Diagnostics;
using PassBroker.Benchmarks.Load;

namespace PassBroker.Benchmarks.Report;

/// <summary>
/// Authorize under load, five ways in the same run, interleaved round by round so machine noise hits all alike: the
/// emulator directly (its own ceiling), nginx in front of it, a bare .NET proxy in front of it (the floor of any
/// ASP.NET Core server making the same hop), and PassBroker's authorize (which calls it) with and without the plays rule.
/// </summary>
internal static class HotPathBench
{
    public const string Direct = "emulator direct";
    public const string Nginx = "nginx → emulator";
    public const string BareDotNet = "bare .NET proxy → emulator";
    public const string PassBroker = "PassBroker → emulator";
    public const string PassBrokerNoPlays = "PassBroker without the plays rule";

    public static async Task<HotPathResult> RunAsync(BenchHost host, ReportSettings settings, string workDirectory, TextWriter log)
    {
        // Several signed-in devices, so the load is not one device's play lease row.
        var tokens = await Task.WhenAll(Enumerable.Range(1, settings.Devices).Select(i => host.SignedInDeviceAsync($"bench-tv-{i}")));
        var noPlaysOwnTime = new OwnTimeProbe();
        await using var noPlays = await host.StartDevHostWithoutPlaysRuleAsync(noPlaysOwnTime);
        var probes = new Dictionary<string, OwnTimeProbe> { [PassBroker] = host.OwnTime, [PassBrokerNoPlays] = noPlaysOwnTime };
        // Warms every device on both instances (copies, access tokens) and shows the emulator what PassBroker sends.
        foreach (var instance in new[] { host.DevHost, noPlays })
        {
            foreach (var token in tokens)
            {
                using var device = instance.CreateClient();
                device.DefaultRequestHeaders.Authorization = new("Bearer", token);
                (await device.PostAsync("/api/decisions/authorize", Json(PassBrokerBody))).EnsureSuccessStatusCode();
            }
        }
        var upstream = await host.Upstream.Authorize;
        var upstreamUrl = new Uri(host.Emulator.BaseAddress, upstream.Path);

        await using var nginx = await NginxProxy.StartAsync(host.Emulator.BaseAddress, workDirectory);
        await using var bare = await BareProxy.StartAsync(upstreamUrl, upstream);
        IReadOnlyList<IReadOnlyDictionary<string, string>> deviceHeaders = [.. tokens.Select(t => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer " + t,
            ["Content-Type"] = "application/json",
        })];
        var targets = new (string Name, Uri Url, string Body, IReadOnlyList<IReadOnlyDictionary<string, string>> Headers)[]
        {
            (Direct, upstreamUrl, upstream.Body, [upstream.Headers]),
            (Nginx, new Uri(nginx.Address, upstream.Path), upstream.Body, [upstream.Headers]),
            // Sent what PassBroker is sent; it sends upstream what PassBroker sends.
            (BareDotNet, new Uri(bare.BaseAddress, BareProxy.Path), PassBrokerBody, deviceHeaders),
            (PassBroker, new Uri(host.DevHost.BaseAddress, "/api/decisions/authorize"), PassBrokerBody, deviceHeaders),
            (PassBrokerNoPlays, new Uri(noPlays.BaseAddress, "/api/decisions/authorize"), PassBrokerBody, deviceHeaders),
        };

        var rounds = targets.ToDictionary(t => t.Name, _ => new List<WrkResult>());
        var costs = targets.ToDictionary(t => t.Name, _ => new List<RoundCost>());
        long passBrokerRequests = 0, reads = 0, writes = 0;
        foreach (var target in targets)
        {
            log.WriteLine($"  warm-up {target.Name}");
            await Wrk.RunAsync(target.Url, target.Body, target.Headers, settings.Connections, TimeSpan.FromSeconds(3), workDirectory);
        }
        for (var round = 1; round <= settings.Rounds; round++)
        {
            foreach (var target in targets)
            {
                host.Tables.Reset();
                probes.GetValueOrDefault(target.Name)?.Reset();
                // The whole process (emulator included: it answers every target); the report subtracts the direct row's.
                var allocated = GC.GetTotalAllocatedBytes(precise: false);
                var (self, proxy, clock) = (ProcessCpu.Read(Environment.ProcessId), ProcessCpu.Read(nginx.ProcessId), Stopwatch.StartNew());
                var result = await Wrk.RunAsync(target.Url, target.Body, target.Headers, settings.Connections, settings.Duration, workDirectory);
                var (selfAfter, proxyAfter, elapsed) = (ProcessCpu.Read(Environment.ProcessId), ProcessCpu.Read(nginx.ProcessId), clock.Elapsed);
                allocated = GC.GetTotalAllocatedBytes(precise: false) - allocated;
                rounds[target.Name].Add(result);
                var cpu = self is { } s && selfAfter is { } sa
                    ? RoundCpu.From((s, sa), proxy is { } p && proxyAfter is { } pa ? (p, pa) : null, result.Requests, elapsed)
                    : null;
                costs[target.Name].Add(new RoundCost(result.Requests == 0 ? double.NaN : allocated / (double)result.Requests,
                    probes.GetValueOrDefault(target.Name)?.Samples ?? [], cpu));
                if (target.Name == PassBroker)
                {
                    passBrokerRequests += result.Requests;
                    // Not the shards' rounds, which read their table in the background (no sign-in is pending here).
                    var requests = host.Tables.ByTable().Where(t => !t.Key.EndsWith("pendingsignins", StringComparison.Ordinal)).Select(t => t.Value).ToList();
                    reads += requests.Sum(t => t.Reads);
                    writes += requests.Sum(t => t.Writes);
                }
                log.WriteLine($"  round {round} {target.Name}: {result.PerSecond:F0} req/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms, failures {result.Failures}");
            }
        }
        return new HotPathResult(rounds, costs, passBrokerRequests, reads, writes);
    }

    private const string PassBrokerBody = """{"resource":"show-1"}""";

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}

/// <summary>What a round cost besides its wrk figures.</summary>
/// <param name="AllocatedBytesPerRequest">Bytes this process allocated during the round, per request wrk counted.</param>
/// <param name="OwnMs">PassBroker's own time of each request (<see cref="OwnTimeProbe"/>); empty for other targets.</param>
/// <param name="Cpu">CPU per request of the processes that did the round's work (null where /proc cannot be read).</param>
internal sealed record RoundCost(double AllocatedBytesPerRequest, IReadOnlyList<double> OwnMs, RoundCpu? Cpu = null);

/// <param name="Rounds">wrk results per target, in round order.</param>
/// <param name="Costs">Allocations and own time per target, in round order.</param>
/// <param name="PassBrokerRequests">Requests PassBroker answered during the measured rounds.</param>
/// <param name="TableReads">Table reads during those rounds.</param>
/// <param name="TableWrites">Table writes during those rounds.</param>
internal sealed record HotPathResult(IReadOnlyDictionary<string, List<WrkResult>> Rounds, IReadOnlyDictionary<string, List<RoundCost>> Costs, long PassBrokerRequests, long TableReads, long TableWrites);
