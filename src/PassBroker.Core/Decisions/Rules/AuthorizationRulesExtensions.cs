using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PassBroker.Core.Brands;

namespace PassBroker.Core.Decisions.Rules;

public static class AuthorizationRulesExtensions
{
    /// <summary>
    /// The programmer business rules, as <see cref="IAuthorizationRule"/>s in the order they run:
    /// <see cref="ResourceAccessRule"/> (<c>Rules:ResourceAccess</c>), then <see cref="ConcurrentPlaysRule"/>
    /// (<c>Rules:ConcurrentPlays</c>), their options validated on start. The host adds an <see cref="IPlayStore"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPassBrokerAuthorizationRules(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Per brand: a rule reads the settings of the device's brand (Brands:{id}:Rules:...).
        services.AddBrandedOptions<ResourceAccessOptions>(builder.Configuration, ResourceAccessOptions.SectionName);
        services.AddBrandedOptions<ConcurrentPlaysOptions>(builder.Configuration, ConcurrentPlaysOptions.SectionName);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new BrandCatalog(builder.Configuration));
        // The cheap, storage-free rule first, so a title that may never play costs no play-store read.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationRule, ResourceAccessRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationRule, ConcurrentPlaysRule>());
        return builder;
    }
}
