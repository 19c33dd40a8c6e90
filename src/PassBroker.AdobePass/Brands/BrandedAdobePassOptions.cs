using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;
using PassBroker.Core.Errors;

namespace PassBroker.AdobePass.Brands;

/// <summary>
/// Who PassBroker is to Adobe for each brand (<see cref="For"/>: service provider, software statement, metadata
/// certificates, management client) and where Adobe is for the whole deployment (<see cref="Deployment"/>: hosts,
/// timeouts, token cache), both from <c>AdobePass</c> with each brand's own keys laid over it.
/// </summary>
internal sealed class BrandedAdobePassOptions(IOptionsMonitor<AdobePassOptions> options, BrandCatalog brands)
{
    /// <summary>The deployment-wide settings (the default brand's instance; a brand may not set them).</summary>
    public AdobePassOptions Deployment => options.CurrentValue;

    /// <summary>The brand's settings. A device whose brand was removed from the configuration has no service provider
    /// left to call for it: a 503 that names the configuration, never a call with the wrong identity.</summary>
    /// <param name="brand">The brand's key (<see cref="BrandKeys"/>).</param>
    public AdobePassOptions For(string brand) => brands.Contains(brand)
        ? options.Get(brand)
        : throw new PassBrokerException(503, ErrorCodes.ServiceMisconfigured, "The device's brand is not configured.",
            "The deployment no longer serves the brand this device registered under.");
}
