using System.Collections.Concurrent;

namespace PassBroker.Emulator.Faults;

/// <summary>
/// Decides, per request, whether and how to misbehave: the request's own <c>X-Emulator-Fault</c> header wins, else the
/// run's default profile (set with <c>PUT /emulator/faults</c>), which applies only to server-to-server calls (those
/// carrying <c>X-Forwarded-For</c>) so a test's browser logins stay clean. Counts what it injected.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<FaultKind, int> _injected = new();
    private Random _random = new();
    private FaultProfile? _default;
    private int _remaining;
    private int _requests;

    public FaultProfile? Default
    {
        get { lock (_gate) { return _default; } }
        set
        {
            lock (_gate)
            {
                _default = value;
                _remaining = value?.Count ?? int.MaxValue;
                _random = value?.Seed is { } seed ? new Random(seed) : new Random();
            }
        }
    }

    public IReadOnlyDictionary<FaultKind, int> Injected => _injected.ToDictionary();

    /// <summary>Requests that reached the emulated APIs (faulted, throttled or not): what a circuit breaker spares.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void CountRequest() => Interlocked.Increment(ref _requests);

    /// <summary>The fault for this request, or null to answer it normally.</summary>
    public FaultKind? Decide(FaultProfile profile)
    {
        FaultKind kind;
        lock (_gate)
        {
            var isDefault = ReferenceEquals(profile, _default);
            // A seeded header profile decides the same way for every request that carries it.
            var random = profile.Seed is { } seed && !isDefault ? new Random(seed) : _random;
            if ((isDefault && _remaining <= 0) || random.NextDouble() >= profile.Rate)
            {
                return null;
            }
            kind = profile.Kinds[random.Next(profile.Kinds.Count)];
            if (isDefault)
            {
                _remaining--;
            }
        }
        _injected.AddOrUpdate(kind, 1, (_, n) => n + 1);
        return kind;
    }

    public void ResetCounts()
    {
        _injected.Clear();
        Interlocked.Exchange(ref _requests, 0);
    }
}
