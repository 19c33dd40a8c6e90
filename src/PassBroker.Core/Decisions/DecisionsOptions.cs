using System.ComponentModel.DataAnnotations;

namespace PassBroker.Core.Decisions;

/// <summary>
/// How decisions are asked for.
/// <code>
/// "Decisions": { "PreauthorizeBatchSize": 5, "MaxRetries": 2, "RetryDelay": "00:00:00.250",
///                "MaxResourcesPerRequest": 100, "MaxResourceLength": 8192 }
/// </code>
/// </summary>
public sealed class DecisionsOptions
{
    public const string SectionName = "Decisions";

    /// <summary>Resources per upstream preauthorize call: Adobe's typical limit is 5 (more answers <c>too_many_resources</c>).</summary>
    [Range(1, 100)]
    public int PreauthorizeBatchSize { get; set; } = 5;

    /// <summary>Retries of the items Adobe marks <c>retry</c>; Adobe asks for at most 2-3.</summary>
    [Range(0, 3)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Wait before the first retry; doubled for each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Most resources one app request may ask about.</summary>
    [Range(1, 1000)]
    public int MaxResourcesPerRequest { get; set; } = 100;

    /// <summary>
    /// Longest resource id: a channel id or an MRSS document. At most 16,384, so a resource always fits a table
    /// property (32K characters) where the play store keeps it.
    /// </summary>
    [Range(16, 16384)]
    public int MaxResourceLength { get; set; } = 8192;
}
