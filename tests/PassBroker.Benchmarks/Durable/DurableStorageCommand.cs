using System.Globalization;
using System.Text;

namespace PassBroker.Benchmarks.Durable;

/// <summary>
/// <c>durable-storage</c>: runs each polling shape on the Durable Task Framework's Azure Storage provider against its
/// own Azurite, counts the storage requests by service, resource and operation, and prints them per poll, per
/// completed sign-in and per shard round, then what the counts mean for <see cref="ScaleScenario.SignIns"/> pending
/// sign-ins (docs/performance.md, "Durable polling cost").
/// </summary>
internal static class DurableStorageCommand
{
    public static async Task<int> RunAsync(DurableStorageSettings settings, TextWriter output)
    {
        var measurements = new List<ShapeMeasurement>();
        foreach (var shape in settings.Shapes)
        {
            var work = Directory.CreateTempSubdirectory("durable-storage-");
            try
            {
                await using var azurite = await AzuriteAccount.StartAsync(work.FullName);
                Console.Error.WriteLine($"{shape}: {settings.SignIns} sign-ins, {settings.PollsToLogin} polls each, every {settings.PollInterval.TotalSeconds} s …");
                measurements.Add(shape switch
                {
                    DurableStorageSettings.PerSignIn => await ShapeRuns.PerSignInAsync(azurite.ConnectionString, settings),
                    DurableStorageSettings.Idle => await ShapeRuns.ShardedAsync(azurite.ConnectionString, settings, idle: true),
                    _ => await ShapeRuns.ShardedAsync(azurite.ConnectionString, settings),
                });
            }
            finally
            {
                work.Delete(recursive: true);
            }
        }
        await output.WriteAsync(Format(settings, measurements));
        return 0;
    }

    public static string Format(DurableStorageSettings settings, IReadOnlyList<ShapeMeasurement> measurements)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Durable storage requests: {settings.SignIns} sign-ins, each logged in at poll {settings.PollsToLogin}, interval {settings.PollInterval.TotalSeconds} s; sharded: {settings.Shards} shards, tick {settings.Tick.TotalSeconds} s; {settings.Partitions} partitions, max queue polling {settings.MaxQueuePollingInterval.TotalSeconds} s.");
        foreach (var m in measurements.Where(m => m.Window is { } window))
        {
            // The floor with nothing pending: a rate over a fixed window, per shard, then for the projection's shards.
            var seconds = m.Window!.Value.TotalSeconds;
            var perShard = (double)m.Floor / seconds / settings.Shards;
            text.AppendLine().AppendLine(c, $"### {m.Shape}: {settings.Shards} shards with nothing pending for {seconds:0} s: {m.Rounds:N0} rounds ({m.Rounds / seconds / settings.Shards:0.000} a second per shard), {m.Total:N0} requests").AppendLine();
            text.AppendLine("| counted | requests | per second | per shard per second | per round |");
            text.AppendLine("|---|---:|---:|---:|---:|");
            text.AppendLine(c, $"| all | {m.Total:N0} | {m.Total / seconds:0.0} | {m.Total / seconds / settings.Shards:0.00} | {Ratio(m.Total, m.Rounds)} |");
            text.AppendLine(c, $"| all but the worker's fixed (app lease, Partitions) | {m.Scaling:N0} | {m.Scaling / seconds:0.0} | {m.Scaling / seconds / settings.Shards:0.00} | {Ratio(m.Scaling, m.Rounds)} |");
            text.AppendLine(c, $"| floor: that less the load-dependent gets | {m.Floor:N0} | {m.Floor / seconds:0.0} | {perShard:0.00} | {Ratio(m.Floor, m.Rounds)} |");
            text.AppendLine().AppendLine(c, $"Floor for {settings.Projection.Shards} shards: {perShard * settings.Projection.Shards:0.0} requests/s, {perShard * settings.Projection.Shards * 30 * 24 * 3600:N0} per 30-day month (at this run's interval {settings.PollInterval.TotalSeconds} s and tick {settings.Tick.TotalSeconds} s).");
        }
        foreach (var m in measurements.Where(m => m.Window is null))
        {
            text.AppendLine().AppendLine(c, $"### {m.Shape}: {m.Total:N0} requests, {m.Polls:N0} polls, {m.SignIns:N0} sign-ins completed{(m.Shape == DurableStorageSettings.Sharded ? $", {m.Rounds:N0} shard rounds" : "")}").AppendLine();
            text.AppendLine("| service | resource | operation | requests | per poll | per sign-in | per round |");
            text.AppendLine("|---|---|---|---:|---:|---:|---:|");
            foreach (var (request, count) in m.Requests.OrderBy(r => r.Key.Service, StringComparer.Ordinal).ThenBy(r => r.Key.Resource, StringComparer.Ordinal).ThenByDescending(r => r.Value))
            {
                text.AppendLine(c, $"| {request.Service} | {request.Resource} | {request.Operation} | {count:N0} | {Ratio(count, m.Polls)} | {Ratio(count, m.SignIns)} | {Ratio(count, m.Rounds)} |");
            }
            foreach (var service in new[] { StorageRequest.Blob, StorageRequest.Queue, StorageRequest.Table })
            {
                var count = m.Requests.Where(r => r.Key.Service == service).Sum(r => r.Value);
                text.AppendLine(c, $"| **{service}** | | | **{count:N0}** | **{Ratio(count, m.Polls)}** | **{Ratio(count, m.SignIns)}** | **{Ratio(count, m.Rounds)}** |");
            }
            text.AppendLine(c, $"| **all** | | | **{m.Total:N0}** | **{Ratio(m.Total, m.Polls)}** | **{Ratio(m.Total, m.SignIns)}** | **{Ratio(m.Total, m.Rounds)}** |");
            text.AppendLine(c, $"| all but the worker's fixed (app lease, Partitions) | | | {m.Scaling:N0} | {Ratio(m.Scaling, m.Polls)} | {Ratio(m.Scaling, m.SignIns)} | {Ratio(m.Scaling, m.Rounds)} |");
            text.AppendLine(c, $"| floor: that less the load-dependent gets | | | {m.Floor:N0} | {Ratio(m.Floor, m.Polls)} | {Ratio(m.Floor, m.SignIns)} | {Ratio(m.Floor, m.Rounds)} |");
        }

        var scenario = settings.Projection;
        if (measurements.All(m => m.Window is not null))
        {
            return text.ToString();
        }
        text.AppendLine().AppendLine(c, $"### Projected: {scenario.SignIns:N0} pending sign-ins, interval {scenario.PollInterval.TotalSeconds} s, {scenario.PollsPerSignIn} polls each ({scenario.PollsPerSecond:N0} polls/s); sharded: {scenario.Shards} shards, tick {scenario.Tick.TotalSeconds} s").AppendLine();
        text.AppendLine("| shape | storage requests/s | × 20,000/s account target | floor requests/s | × target | per 30-day month | work-item queue msgs/s | × 2,000/s queue target |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in measurements.Where(m => m.Window is null))
        {
            var p = m.Shape == DurableStorageSettings.PerSignIn ? ScaleProjection.PerSignIn(m, scenario) : ScaleProjection.Sharded(m, scenario);
            text.AppendLine(c, $"| {p.Shape} | {p.RequestsPerSecond:N0} | {p.AccountShare:0.00} | {p.FloorRequestsPerSecond:N0} | {p.FloorRequestsPerSecond / ScaleProjection.AccountRequestsTarget:0.00} | {p.RequestsPerMonth:N0} | {p.WorkItemMessagesPerSecond:N1} | {p.WorkItemQueueShare:0.000} |");
        }
        return text.ToString();
    }

    private static string Ratio(long count, long per) => per == 0 ? "–" : ((double)count / per).ToString("0.00", CultureInfo.InvariantCulture);
}
