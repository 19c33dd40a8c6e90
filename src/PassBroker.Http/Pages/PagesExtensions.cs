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
        services.AddSingleton<IValidateOptions<SecondScreenOptions>, SecondScreenBrandValidator>();
        services.AddSingleton<IValidateOptions<BrandOptions>, BrandPageValidator>();
        services.AddSingleton<CodeEntryGuard>();
        services.AddSingleton<AuthnPagePolicy>();
        services.AddSingleton<BrandLooks>();
        services.AddSingleton<SecondScreenLinks>();
        return services;
    }
}
