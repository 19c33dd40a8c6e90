using System.ComponentModel.DataAnnotations;

namespace PassBroker.Core.Retention;

/// <summary>
/// How long PassBroker keeps what it no longer needs, and how the purge that deletes it runs (<see cref="RetentionPurge"/>).
/// <code>
/// "Retention": { "Sessions": "1.00:00:00", "Plays": "00:00:00", "Decisions": "00:00:00", "Profiles": "00:00:00",
///                "UnusedDevices": "30.00:00:00", "MaxRowsPerRun": 500, "PurgeInterval": "00:05:00" }
/// </code>
/// Each period counts from the moment the row stopped being of use (a code's expiry, a lease's end, a permit's or a
/// profile copy's <c>notAfter</c>, a device's registration).
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// A sign-in's rows (<c>sessions</c> and its <c>sessioncodes</c> row) are deleted this long after its code expired.
    /// At least an hour: a pending sign-in whose polling met an outage is retried for up to an hour past its expiry.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan Sessions { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A play lease (<c>plays</c>, which names what the device watched) is deleted this long after it ended.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan Plays { get; set; } = TimeSpan.Zero;

    /// <summary>A cached permit (<c>decisions</c>) is deleted this long after its <c>notAfter</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan Decisions { get; set; } = TimeSpan.Zero;

    /// <summary>A device's copy of its profiles (<c>profiles</c>) is deleted this long after it stopped being usable.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan Profiles { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// A device that never completed a sign-in is deleted (with its DCR client's credentials) this long after it
    /// registered. At least a day, well past the longest sign-in (<c>SignIn:MaxDuration</c>, at most 2 hours).
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan UnusedDevices { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The most rows one run deletes per kind; the next run carries on where this one stopped.</summary>
    [Range(1, 10_000)]
    public int MaxRowsPerRun { get; set; } = 500;

    /// <summary>
    /// DevHost: time between two runs. The Functions app runs the purge on its timer's schedule instead
    /// (the app setting <c>RetentionPurgeSchedule</c>, an NCRONTAB expression).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long each kind of row is kept past the moment it stopped being of use.</summary>
    public TimeSpan For(RetainedData kind) => kind switch
    {
        RetainedData.Sessions or RetainedData.SessionCodes => Sessions,
        RetainedData.Plays => Plays,
        RetainedData.Decisions => Decisions,
        RetainedData.Profiles => Profiles,
        RetainedData.UnusedDevices => UnusedDevices,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No retention for this kind."),
    };
}
