using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Emulator.Configuration;

/// <summary><c>GET /api/v2/{serviceProvider}/configuration</c>: the MVPD picker's data.</summary>
internal static class ConfigurationApi
{
    public static RouteGroupBuilder MapConfigurationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapRestApiV2Group("configuration");

        group.MapGet("", GetConfiguration);

        return group;
    }

    public static JsonHttpResult<ConfigurationResponse> GetConfiguration(
        RequestDevice device,
        IOptions<EmulatorOptions> options)
    {
        var settings = options.Value;
        var requestor = new ProgrammerType(
            settings.ServiceProvider,
            settings.ServiceProviderName,
            [.. settings.Domains.Select(d => new DomainType(d.Name, d.MvpdInitiated))],
            [.. settings.Mvpds.Select(MvpdType.From)]);

        // The response is per platform; the only platform hint the emulator honours is X-Device-Info's osName.
        return AdobeResults.Json(new ConfigurationResponse("unknown", "html5", OsName(device.Info), requestor));
    }

    private static string OsName(JsonElement info) =>
        info.TryGetProperty("osName", out var os)
        && os.ValueKind == JsonValueKind.String
        && os.GetString() is { Length: > 0 } name
            ? name
            : "Unknown";
}
