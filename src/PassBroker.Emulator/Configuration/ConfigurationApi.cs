using Microsoft.AspNetCore.Http.HttpResults;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.ServiceProviders;

namespace PassBroker.Emulator.Configuration;

/// <summary><c>GET /api/v2/{serviceProvider}/configuration</c>: the MVPD picker's data, per platform.</summary>
internal static class ConfigurationApi
{
    private const string UnknownPlatform = "unknown";
    private const string Unknown = "Unknown";
    private const string SdkType = "html5";

    public static RouteGroupBuilder MapConfigurationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapRestApiV2Group("configuration");

        group.MapGet("", GetConfiguration);

        return group;
    }

    public static JsonHttpResult<ConfigurationResponse> GetConfiguration(
        string serviceProvider, RequestDevice device, ServiceProviderCatalog serviceProviders)
    {
        // The filter found it; Adobe's configuration is per service provider and platform.
        var provider = serviceProviders.Find(serviceProvider)!;
        var platform = provider.Platforms.FirstOrDefault(p => p.Matches(device.Info));
        var mvpds = platform is null ? provider.Mvpds : provider.Mvpds.Where(m => platform.Mvpds.Contains(m.Id, StringComparer.Ordinal));
        var requestor = new ProgrammerType(
            provider.Id,
            provider.Name,
            [.. provider.Domains.Select(d => new DomainType(d.Name, d.MvpdInitiated))],
            [.. mvpds.Select(MvpdType.From)]);

        return AdobeResults.Json(new ConfigurationResponse(
            Field(device, "primaryHardwareType"), Field(device, "osName"), SdkType, platform?.Name ?? UnknownPlatform, requestor));
    }

    private static string Field(RequestDevice device, string key) =>
        PlatformOptions.Read(device.Info, key) is { Length: > 0 } value ? value : Unknown;
}
