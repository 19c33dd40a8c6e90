using System.Collections.Frozen;
using PassBroker.Core.Brands;

namespace PassBroker.Core.Telemetry;

/// <summary>
/// The <c>passbroker.brand</c> value of a brand key: its public id (what operators call it) for a configured brand,
/// <see cref="PassBrokerTelemetry.OtherBrand"/> for any other key and <see cref="PassBrokerTelemetry.NoBrand"/> for none,
/// so the tag holds at most one value per configured brand plus two, whatever a stored row says.
/// </summary>
public sealed class BrandTags
{
    private readonly FrozenDictionary<string, string> _publicIds;

    /// <param name="brands">The deployment's brands; null: the default brand only, under its default id.</param>
    public BrandTags(BrandCatalog? brands = null) =>
        _publicIds = (brands?.All ?? [BrandKeys.Default]).ToFrozenDictionary(
            brand => brand, brand => brands?.PublicId(brand) ?? BrandOptions.DefaultId, StringComparer.Ordinal);

    /// <summary>The tag value for <paramref name="brand"/> (a brand key; null when the call has no device).</summary>
    /// <param name="brand">The brand key.</param>
    public string Of(string? brand) =>
        brand is null ? PassBrokerTelemetry.NoBrand : _publicIds.GetValueOrDefault(brand, PassBrokerTelemetry.OtherBrand);
}
