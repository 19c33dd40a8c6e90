using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.AdobePass.Brands;
using PassBroker.Core.Brands;

namespace PassBroker.AdobePass.Tests.Brands;

/// <summary><see cref="BrandedAdobePassOptions"/> bound from settings as the adapter binds them (REF30 unless set).</summary>
internal static class TestBrandedOptions
{
    public static BrandedAdobePassOptions Create(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AdobePass:ServiceProvider"] = "REF30" })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(new BrandCatalog(configuration))
            .AddSingleton<BrandedAdobePassOptions>()
            .AddBrandedOptions<AdobePassOptions>(configuration, AdobePassOptions.SectionName);
        return services.BuildServiceProvider().GetRequiredService<BrandedAdobePassOptions>();
    }
}
