using System.Collections.Concurrent;

namespace PassBroker.Emulator.Faults;

/// <summary>
/// Adobe's throttle (adobe-pass-v2.md section 7), off unless a test turns it on: a token bucket per device IP taken
/// from <c>X-Forwarded-For</c>, over the throttled paths (<c>/o/client/</c>, <c>/api/v2/</c>). A newly seen IP holds
/// <see cref="Burst"/> + 1 tokens and gains one at each whole second after it was first seen, up to that cap. That is
/// what the docs' worked example shows: 13 calls succeed by t=2.2 s (10 of burst, tokens at 0, 1 and 2 s), the
/// calls at 2.4, 2.6 and 2.8 s get 429, the one at 3.1 s passes. Runs on the emulator's clock, so tests can fake it.
/// Requests without <c>X-Forwarded-For</c> (the browser on the emulator's own login pages) are not throttled.
/// </summary>
public sealed class AdobeThrottle(TimeProvider time)
{
    public const int Burst = 10;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private int _throttled;

    public bool Enabled { get; set; }

    /// <summary>429s answered since start (or the last <see cref="Reset"/>).</summary>
    public int ThrottledCount => Volatile.Read(ref _throttled);

    public static bool IsThrottledPath(PathString path) =>
        path.StartsWithSegments("/o/client") || path.StartsWithSegments("/api/v2");

    /// <summary>Takes a token of <paramref name="deviceIp"/>'s bucket; false means the call gets Adobe's 429.</summary>
    public bool TryPass(string deviceIp)
    {
        var now = time.GetUtcNow();
        var bucket = _buckets.GetOrAdd(deviceIp, _ => new Bucket(now));
        lock (bucket)
        {
            var tick = (long)Math.Floor((now - bucket.FirstSeen).TotalSeconds);
            bucket.Tokens = (int)Math.Min(Burst + 1, bucket.Tokens + Math.Max(0, tick - bucket.LastTick));
            bucket.LastTick = Math.Max(bucket.LastTick, tick);
            if (bucket.Tokens > 0)
            {
                bucket.Tokens--;
                return true;
            }
        }
        Interlocked.Increment(ref _throttled);
        return false;
    }

    public void Reset()
    {
        _buckets.Clear();
        Interlocked.Exchange(ref _throttled, 0);
    }

    private sealed class Bucket(DateTimeOffset firstSeen)
    {
        public DateTimeOffset FirstSeen { get; } = firstSeen;
        public int Tokens { get; set; } = Burst + 1;
        public long LastTick { get; set; }
    }
}
