using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;
using PassBroker.Http.Pages.Branding;

namespace PassBroker.Http.Pages;

public static class PagesExtensions
{
    /// <summary>The second-screen pages' services: their options (per brand), policy, looks, links and code guard.</summary>
    public static IServiceCollection AddPassBrokerPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBrandedOptions<SecondScreenOptions>(configuration, SecondScreenOptions.SectionName);
        // A brand has its own public address and nothing else of the section: the logo hosts make the one policy every
        // page states, and the code attempt limit counts a client's codes across brands.
        services.LimitBrandSettings<SecondScreenOptions>(SecondScreenOptions.SectionName, nameof(SecondScreenOptions.PublicBaseUrl));
        services.AddSingleton<IValidateOptions<BrandOptions>, BrandPageValidator>();
        services.AddSingleton<CodeEntryGuard>();
        services.AddSingleton<AuthnPagePolicy>();
        services.AddSingleton<BrandLooks>();
        services.AddSingleton<SecondScreenLinks>();
        return services;
    }
}
