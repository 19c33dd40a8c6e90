using System.ComponentModel.DataAnnotations;

namespace PassBroker.AdobePass.Pacing;

/// <summary>
/// PassBroker's own token bucket per device IP, the shape of Adobe's throttle (adobe-pass-v2.md section 7: 1 request/s,
/// a burst of 10), so that PassBroker never sends a call Adobe would answer with 429.
/// <code>
/// "AdobePass": { "Pacing": { "Enabled": true, "BurstLimit": 10, "ReplenishmentPeriod": "00:00:01.100",
///   "QueueLimit": 2, "MaxQueueWait": "00:00:02.500" } }
/// </code>
/// </summary>
public sealed class PacingOptions
{
    public const string SectionName = AdobePassOptions.SectionName + ":Pacing";

    /// <summary>Off only for tests that share one device IP across many devices on a fake clock.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Calls a newly seen (or long idle) device IP may make at once: Adobe's burst of 10.</summary>
    [Range(1, 100)]
    public int BurstLimit { get; set; } = 10;

    /// <summary>One call per this period after the burst. Adobe's is 1 s; the extra 100 ms absorbs network jitter (a call
    /// that reaches Adobe faster than the previous one must still find a token there).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromMilliseconds(1100);

    /// <summary>Calls per device IP that may wait for a token; further ones are refused at once (app gets 429).</summary>
    [Range(0, 100)]
    public int QueueLimit { get; set; } = 2;

    /// <summary>The longest a call waits in the queue before the app gets 429 <c>rate_limited</c> with <c>Retry-After</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromMilliseconds(2500);
}
