using System.ComponentModel.DataAnnotations;

namespace PassBroker.Core.Decisions.Rules;

/// <summary>
/// How many titles one device may play at once (<see cref="ConcurrentPlaysRule"/>).
/// <code>
/// "Rules": { "ConcurrentPlays": { "MaxConcurrentPlays": 3, "PlayLease": "04:00:00", "RenewAfter": "00:30:00" } }
/// </code>
/// </summary>
public sealed class ConcurrentPlaysOptions : IValidatableObject
{
    public const string SectionName = "Rules:ConcurrentPlays";

    /// <summary>Different resources a device may hold active plays of at the same time.</summary>
    [Range(1, 100)]
    public int MaxConcurrentPlays { get; set; } = 3;

    /// <summary>
    /// How long a permitted play counts as active after its last authorize. PassBroker hears of no stop, so a play
    /// ends only when its lease runs out; apps authorize again before every playback, which renews it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan PlayLease { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// How much of a lease must have gone before a permit of the same title writes it again. Until then the lease is
    /// fresh and a repeat authorize writes nothing, so a play counts for between <see cref="PlayLease"/> minus this and
    /// <see cref="PlayLease"/> after its last authorize. Zero renews on every permit. Less than <see cref="PlayLease"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RenewAfter { get; set; } = TimeSpan.FromMinutes(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RenewAfter >= PlayLease)
        {
            yield return new ValidationResult(
                "Rules:ConcurrentPlays:RenewAfter must be shorter than Rules:ConcurrentPlays:PlayLease: a lease would end before it is renewed.",
                [nameof(RenewAfter)]);
        }
    }
}
