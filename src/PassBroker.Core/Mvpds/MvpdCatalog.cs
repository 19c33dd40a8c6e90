using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Caching;
using PassBroker.Core.Devices;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Mvpds;

/// <summary>
/// The MVPD list apps show in their provider picker: Adobe's configuration, filtered, cached per platform.
/// Adobe's configuration is per service provider and platform, not per user (adobe-pass-v2.md section 5.4), so the
/// first device of a platform loads it and the others share it.
/// </summary>
public sealed class MvpdCatalog
{
    private const int MaxPlatforms = 1_000;

    private readonly IAdobePassClient _adobePass;
    private readonly MvpdCatalogOptions _options;
    private readonly ILogger<MvpdCatalog> _logger;
    private readonly SingleFlightCache<string, IReadOnlyList<Mvpd>> _cache;

    public MvpdCatalog(IAdobePassClient adobePass, IOptions<MvpdCatalogOptions> options, TimeProvider time, ILogger<MvpdCatalog> logger)
    {
        _adobePass = adobePass;
        _options = options.Value;
        _logger = logger;
        // Keys come from what devices say they are: the bound keeps made-up platforms from growing it without end.
        _cache = new SingleFlightCache<string, IReadOnlyList<Mvpd>>(time, MaxPlatforms, _options.CacheDuration, StringComparer.Ordinal);
    }

    /// <summary>The MVPDs the device's user may pick from.</summary>
    public async Task<IReadOnlyList<Mvpd>> GetAsync(DeviceContext device, CancellationToken cancellationToken)
    {
        var all = await _cache.GetOrLoadAsync(PlatformOf(device.Info), (platform, ct) => LoadAsync(device, platform, ct), cancellationToken);
        return MvpdFilter.Apply(all, _options);
    }

    /// <summary>The MVPD with that id if the device's user may pick it, else null.</summary>
    public async Task<Mvpd?> FindAsync(DeviceContext device, string mvpdId, CancellationToken cancellationToken) =>
        (await GetAsync(device, cancellationToken)).FirstOrDefault(m => m.Id == mvpdId);

    private async Task<IReadOnlyList<Mvpd>> LoadAsync(DeviceContext device, string platform, CancellationToken cancellationToken)
    {
        var mvpds = await _adobePass.GetMvpdsAsync(device, cancellationToken);
        _logger.MvpdsLoaded(mvpds.Count, platform);
        return mvpds;
    }

    // Adobe picks the platform from X-Device-Info; these are the fields that decide it.
    internal static string PlatformOf(DeviceInfo info) =>
        string.Join('|', info.OsName, info.PrimaryHardwareType, info.ApplicationId).ToUpperInvariant();
}
