using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PassBroker.Emulator.Faults;

/// <summary>
/// Which faults to inject, parsed from <c>X-Emulator-Fault</c> or set as the run's default through
/// <c>PUT /emulator/faults</c>: <c>status=503;latency=200ms;timeout;reset;html429;rate=0.1;seed=42;retry-after=2;count=1</c>.
/// A request is faulted with probability <see cref="Rate"/>; a faulted request gets one of <see cref="Kinds"/>, picked
/// at random (so <c>status=503;timeout;rate=0.1</c> is 5% 503s and 5% timeouts). <c>count=N</c> (default profile
/// only) stops after N faults, for tests such as "one 503, then the real answer".
/// </summary>
public sealed record FaultProfile(IReadOnlyList<FaultKind> Kinds, double Rate, int Status, TimeSpan Latency, int? RetryAfterSeconds, int? Seed, int? Count = null)
{
    public const string HeaderName = "X-Emulator-Fault";

    public static bool TryParse(string? text, [NotNullWhen(true)] out FaultProfile? profile, [NotNullWhen(false)] out string? error)
    {
        profile = null;
        var kinds = new List<FaultKind>();
        double rate = 1;
        var status = StatusCodes.Status503ServiceUnavailable;
        var latency = TimeSpan.Zero;
        int? retryAfter = null, seed = null, count = null;
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = part.IndexOf('=') is var i and >= 0 ? (part[..i].Trim().ToLowerInvariant(), part[(i + 1)..].Trim()) : (part.ToLowerInvariant(), "");
            var ok = name switch
            {
                "status" => Add(FaultKind.Status) && (value.Length == 0 || int.TryParse(value, CultureInfo.InvariantCulture, out status)) && status is >= 400 and <= 599,
                "latency" => Add(FaultKind.Latency) && TryParseDuration(value, out latency),
                "timeout" => Add(FaultKind.Timeout),
                "reset" => Add(FaultKind.Reset),
                "html429" => Add(FaultKind.Html429),
                "rate" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out rate) && rate is >= 0 and <= 1,
                "seed" => int.TryParse(value, CultureInfo.InvariantCulture, out var s) && (seed = s) is not null,
                "count" => int.TryParse(value, CultureInfo.InvariantCulture, out var c) && c > 0 && (count = c) is not null,
                "retry-after" => int.TryParse(value, CultureInfo.InvariantCulture, out var r) && r >= 0 && (retryAfter = r) is not null,
                _ => false,
            };
            if (!ok)
            {
                error = $"Cannot read '{part}' in {HeaderName}.";
                return false;
            }
        }
        if (kinds.Count == 0)
        {
            error = $"{HeaderName} names no fault (status, latency, timeout, reset, html429).";
            return false;
        }
        profile = new FaultProfile(kinds, rate, status, latency, retryAfter, seed, count);
        error = null;
        return true;

        bool Add(FaultKind kind)
        {
            kinds.Add(kind);
            return true;
        }
    }

    private static bool TryParseDuration(string value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var (number, scale) = value.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (value[..^2], 1.0)
            : value.EndsWith('s') ? (value[..^1], 1000.0)
            : (value, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount < 0 || amount * scale > 600_000)
        {
            return false;
        }
        duration = TimeSpan.FromMilliseconds(amount * scale);
        return true;
    }
}
