using System.ComponentModel.DataAnnotations;

namespace PassBroker.Core.InstanceCaching;

/// <summary>
/// How long one instance trusts its in-memory copies of shared rows, so a warm authorize reads no table. Every copy is
/// refreshed by this instance's own writes; what another instance writes is seen here at most this late. Zero turns a
/// copy off (every request reads the table, as before).
/// <code>
/// "InstanceCache": { "DeviceLifetime": "00:01:00", "ProfileLifetime": "00:01:00", "PlayLifetime": "00:01:00" }
/// </code>
/// </summary>
public sealed class InstanceCacheOptions
{
    public const string SectionName = "InstanceCache";

    /// <summary>
    /// Device records by device key, for token checks. Cost: after a re-registration on another instance, the old
    /// device token still opens this instance for at most this long (the new one works at once: a token that does not
    /// match the copy is checked against the table).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DeviceLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Profiles, never past their earliest <c>notAfter</c>. Cost: a logout or a new sign-in handled by another instance
    /// is seen here at most this late (this instance's own are seen at once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ProfileLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The device's play leases for the concurrent-plays rule. Cost: plays another instance started are counted here at
    /// most this late, so a device spread over instances may briefly play more titles than the limit (the rule is a
    /// product rule, not a security boundary).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PlayLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Copies kept per kind; past this, expired copies go first, then the least recently used (a tenth at a time).</summary>
    [Range(1, 10_000_000)]
    public int MaxEntries { get; set; } = 200_000;
}
