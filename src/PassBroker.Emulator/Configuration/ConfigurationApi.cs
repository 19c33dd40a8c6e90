using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PassBroker.Emulator.Infrastructure;

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

    public static JsonHttpResult<ConfigurationResponse> GetConfiguration(RequestDevice device, IOptions<EmulatorOptions> options)
    {
        var settings = options.Value;
        var platform = settings.Platforms.FirstOrDefault(p => p.Matches(device.Info));
        var mvpds = platform is null ? settings.Mvpds : settings.Mvpds.Where(m => platform.Mvpds.Contains(m.Id, StringComparer.Ordinal));
        var requestor = new ProgrammerType(
            settings.ServiceProvider,
            settings.ServiceProviderName,
            [.. settings.Domains.Select(d => new DomainType(d.Name, d.MvpdInitiated))],
            [.. mvpds.Select(MvpdType.From)]);

        return AdobeResults.Json(new ConfigurationResponse(
            Field(device, "primaryHardwareType"), Field(device, "osName"), SdkType, platform?.Name ?? UnknownPlatform, requestor));
    }

    private static string Field(RequestDevice device, string key) =>
        PlatformOptions.Read(device.Info, key) is { Length: > 0 } value ? value : Unknown;
}
