using System.Globalization;

namespace PassBroker.Benchmarks.Allocations;

/// <summary><c>alloc [--requests 20000] [--warmup 2000] [--concurrency 4] [--devices 4] [--types 25]</c></summary>
/// <param name="Requests">Measured requests per target.</param>
/// <param name="Warmup">Requests per target before measuring (JIT tiering, pools, connections).</param>
/// <param name="Concurrency">Requests in flight at once (each a sequential loop).</param>
/// <param name="Devices">Signed-in devices the authorizes go round.</param>
/// <param name="Types">How many allocated types to list (0: none, and no sampling).</param>
internal sealed record AllocationSettings(int Requests, int Warmup, int Concurrency, int Devices, int Types)
{
    public static AllocationSettings Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new AllocationSettings(Int("requests", 20_000), Int("warmup", 2_000), Int("concurrency", 4), Int("devices", 4), Int("types", 25));
    }
}
