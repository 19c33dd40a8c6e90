using System.Net.Http.Json;
using PassBroker.Testing.Hosting;

namespace PassBroker.Benchmarks.Report;

/// <summary>Table requests per use case, counted in the DevHost's Table client pipeline (reads = GETs).</summary>
internal static class StorageCostBench
{
    public static async Task<IReadOnlyList<StorageCost>> RunAsync(BenchHost host)
    {
        var costs = new List<StorageCost>();

        host.Tables.Reset();
        var first = await host.RegisterAsync("storage-tv");
        costs.Add(Take(host, "register a new device (POST /api/devices)"));
        // The token of the re-registration is the valid one from here on.
        var token = await host.RegisterAsync("storage-tv", first);
        costs.Add(Take(host, "register a known device again"));

        using var device = host.Client(token);
        var pollsBefore = DateTimeOffset.UtcNow;
        var (code, loginUrl) = await BenchHost.StartSignInAsync(device);
        costs.Add(Take(host, "start a sign-in (POST /api/authentication/sessions)"));
        await Task.Delay(TimeSpan.FromSeconds(7));
        var pendingPolls = host.Upstream.PollsSince(pollsBefore);
        costs.Add(Take(host, $"pending sign-in, per poll ({pendingPolls} polls counted)", pendingPolls));
        var loginAt = DateTimeOffset.UtcNow;
        await BrowserLogin.SignInAsync(loginUrl, "alice", "alice-pw");
        await BenchHost.WaitForSignInAsync(device, code);
        costs.Add(Take(host, $"complete the sign-in (the poll that finds the profile, {host.Upstream.PollsSince(loginAt)} poll(s); status read)"));

        await Authorize(device);
        costs.Add(Take(host, "first authorize after the sign-in (profiles from Adobe)"));
        await Authorize(device);
        costs.Add(Take(host, "warm authorize (same instance, within InstanceCache lifetimes)"));

        await host.RestartDevHostAsync();
        host.Tables.Reset();
        using var cold = host.Client(token);
        await Authorize(cold);
        costs.Add(Take(host, "cold authorize (new instance: nothing in memory)"));
        await Authorize(cold);
        costs.Add(Take(host, "next authorize on that instance (warm)"));
        return costs;
    }

    private static async Task Authorize(HttpClient device) =>
        (await device.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1" })).EnsureSuccessStatusCode();

    private static StorageCost Take(BenchHost host, string what, int per = 1)
    {
        var byTable = host.Tables.ByTable()
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => $"{t.Key.Replace(host.TablePrefix, "", StringComparison.Ordinal)} {t.Value.Reads}r/{t.Value.Writes}w");
        var cost = new StorageCost(what, host.Tables.Reads / (double)Math.Max(per, 1), host.Tables.Writes / (double)Math.Max(per, 1), string.Join(", ", byTable));
        host.Tables.Reset();
        return cost;
    }
}

/// <param name="What">The use case.</param>
/// <param name="Reads">Table reads (point reads and query pages).</param>
/// <param name="Writes">Table writes (inserts, updates, upserts, deletes, table creations).</param>
/// <param name="ByTable">Per table, reads/writes (totals, not per poll).</param>
internal sealed record StorageCost(string What, double Reads, double Writes, string ByTable);
