using System.ComponentModel.DataAnnotations;

namespace PassBroker.Core.Mvpds;

/// <summary>
/// Which MVPDs apps may show in their provider picker (per brand: <see cref="PerBrand"/>), and how long the list is cached.
/// <code>
/// "Mvpds": { "CacheDuration": "00:02:00", "HideTempPass": true, "HideTestMvpds": true,
///            "TestMvpdPatterns": [ "*test*" ], "Allow": [], "Deny": [ "NotYetLiveMvpd" ] }
/// </code>
/// </summary>
public sealed class MvpdCatalogOptions
{
    public const string SectionName = "Mvpds";

    /// <summary>What a brand may set under <c>Brands:{id}:Mvpds</c>: its filters. The cache's lifetime is deployment-wide.</summary>
    public static readonly string[] PerBrand = [nameof(HideTempPass), nameof(HideTestMvpds), nameof(TestMvpdPatterns), nameof(Allow), nameof(Deny)];

    /// <summary>Adobe's FAQ: cache the configuration about 2 minutes, per platform, in server memory.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Temp Pass pseudo-MVPDs are started by the app, never picked by the user.</summary>
    public bool HideTempPass { get; set; } = true;

    /// <summary>Hide MVPDs whose id matches <see cref="TestMvpdPatterns"/> (Adobe's test providers).</summary>
    public bool HideTestMvpds { get; set; } = true;

    /// <summary>Case-insensitive patterns with <c>*</c> wildcards naming test MVPDs.</summary>
    public string[] TestMvpdPatterns { get; set; } = ["*test*"];

    /// <summary>When not empty, only these MVPD ids are shown.</summary>
    public string[] Allow { get; set; } = [];

    /// <summary>MVPD ids never shown, e.g. integrations that are not live yet.</summary>
    public string[] Deny { get; set; } = [];
}
