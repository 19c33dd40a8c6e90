using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;
using PassBroker.Core.Caching;
using PassBroker.Core.Devices;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Mvpds;

/// <summary>
/// The MVPD list apps show in their provider picker: Adobe's configuration, filtered with the device's brand's
/// <see cref="MvpdCatalogOptions"/>, cached per brand and platform. Adobe's configuration is per service provider and
/// platform, not per user (adobe-pass-v2.md section 5.4), so the first device of a brand and platform loads it and the
/// others share it; two brands never share a list, even on one service provider (each brand's app is its own
/// registered application, and brands may differ in service provider).
/// </summary>
public sealed class MvpdCatalog
{
    private const int MaxPlatforms = 1_000;

    private readonly IAdobePassClient _adobePass;
    private readonly IOptionsMonitor<MvpdCatalogOptions> _options;
    private readonly ILogger<MvpdCatalog> _logger;
    private readonly SingleFlightCache<(string Brand, string Platform), IReadOnlyList<Mvpd>> _cache;

    public MvpdCatalog(IAdobePassClient adobePass, IOptionsMonitor<MvpdCatalogOptions> options, BrandCatalog brands, TimeProvider time,
        ILogger<MvpdCatalog> logger)
    {
        _adobePass = adobePass;
        _options = options;
        _logger = logger;
        // Keys come from what devices say they are: the bound keeps made-up platforms from growing it without end. The
        // cache's lifetime is deployment-wide (MvpdCatalogOptions.PerBrand leaves it out).
        _cache = new SingleFlightCache<(string, string), IReadOnlyList<Mvpd>>(
            time, MaxPlatforms * brands.All.Count, options.CurrentValue.CacheDuration);
    }

    /// <summary>The MVPDs the device's user may pick from.</summary>
    public async Task<IReadOnlyList<Mvpd>> GetAsync(DeviceContext device, CancellationToken cancellationToken)
    {
        var all = await _cache.GetOrLoadAsync((device.Brand, PlatformOf(device.Info)), (key, ct) => LoadAsync(device, key.Platform, ct), cancellationToken);
        return MvpdFilter.Apply(all, _options.Get(device.Brand));
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
