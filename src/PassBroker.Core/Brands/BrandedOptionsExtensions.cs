using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PassBroker.Core.Brands;

public static class BrandedOptionsExtensions
{
    /// <summary>
    /// Options of a per-brand section: the default brand's as before (<c>IOptions&lt;T&gt;</c>, bound from
    /// <paramref name="section"/>), and one named instance per brand under <c>Brands</c>
    /// (<c>IOptionsMonitor&lt;T&gt;.Get(brand)</c>), bound from <see cref="BrandConfiguration.For"/>. Every brand's
    /// instance is validated at startup, and a failure names the brand and the setting.
    /// </summary>
    public static IServiceCollection AddBrandedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        foreach (var brand in BrandCatalog.ConfiguredBrands(configuration))
        {
            services.AddOptions<T>(brand)
                .Configure<IConfiguration>((options, root) => BrandConfiguration.For(root, brand, section).Bind(options))
                .ValidateOnStart();
            services.AddSingleton<IValidateOptions<T>>(new BrandedOptionsValidator<T>(brand, section));
        }
        return services;
    }
}
