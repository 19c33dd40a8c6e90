using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PassBroker.Emulator.ServiceProviders;

namespace PassBroker.Emulator.Infrastructure;

internal static class EmulatorServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddEmulatorServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // TryAdd, so a test's FakeTimeProvider registered afterwards (or before) wins.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EmulatorState>();
        // Built from the final options: the top-level service provider first, then Emulator:ServiceProviders.
        services.AddSingleton(sp => new ServiceProviderCatalog(sp.GetRequiredService<IOptions<EmulatorOptions>>().Value));
        services.AddSingleton<Faults.FaultInjector>();
        services.AddSingleton<Faults.AdobeThrottle>();

        services.AddOptions<EmulatorOptions>()
            .BindConfiguration(EmulatorOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmulatorOptions>, EmulatorOptionsValidator>();

        // Adobe leaves optional fields out rather than sending null.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);

        // Nothing the emulator protects outlives the process; this also keeps it from writing keys to the user profile.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAuthentication(AccessTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null);

        return builder;
    }
}
