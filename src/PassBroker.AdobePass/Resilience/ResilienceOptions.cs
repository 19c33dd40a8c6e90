using System.ComponentModel.DataAnnotations;

namespace PassBroker.AdobePass.Resilience;

/// <summary>
/// The resilience pipeline around every upstream call (adobe-pass-v2.md sections 7-9). The per-attempt timeout is
/// <see cref="AdobePassOptions.RequestTimeout"/>.
/// <code>
/// "AdobePass": { "Resilience": { "TotalTimeout": "00:00:25", "MaxRetries": 2, "RetryBaseDelay": "00:00:00.500",
///   "MaxRetryAfter": "00:00:05", "BreakerFailureRatio": 0.5, "BreakerMinimumThroughput": 20,
///   "BreakerSamplingDuration": "00:00:30", "BreakDuration": "00:00:15" } }
/// </code>
/// </summary>
public sealed class ResilienceOptions : IValidatableObject
{
    public const string SectionName = AdobePassOptions.SectionName + ":Resilience";

    /// <summary>All attempts of one call together, waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Retries of an idempotent call (GET, DELETE) after an outage, a 429 or a <c>retry</c> error. Adobe: 2-3 at most.</summary>
    [Range(0, 3)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff; it doubles per retry, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest <c>Retry-After</c> PassBroker waits out within one call; a longer one goes back to the app.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Share of failed attempts (outages: no answer, timeouts, 5xx) that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts the breaker needs in its sampling window before it may open.</summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit answers 503 without calling Adobe before it lets one call probe.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryAfter >= TotalTimeout)
        {
            yield return new ValidationResult("MaxRetryAfter must be shorter than TotalTimeout.", [nameof(MaxRetryAfter)]);
        }
    }
}
