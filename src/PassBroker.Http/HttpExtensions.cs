using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PassBroker.Http.Admin;
using PassBroker.Http.Binding;
using PassBroker.Http.Decisions;
using PassBroker.Http.Devices;
using PassBroker.Http.Edge;
using PassBroker.Http.Health;
using PassBroker.Http.Limits;
using PassBroker.Http.Logout;
using PassBroker.Http.Mvpds;
using PassBroker.Http.Pages;
using PassBroker.Http.Problems;
using PassBroker.Http.Profiles;
using PassBroker.Http.Sessions;
using PassBroker.Http.Telemetry;
using PassBroker.Http.TempPass;

namespace PassBroker.Http;

public static class HttpExtensions
{
    /// <summary>The HTTP surface's services: options, JSON settings, Problem Details, client limits.</summary>
    public static IHostApplicationBuilder AddPassBrokerHttp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // The server's own cap follows PassBroker's largest body limit, so no bigger upload is read and none that a
        // route accepts is cut off (the decisions routes take up to MaxResourcesBodyBytes).
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<HttpOptions>>((kestrel, http) =>
        {
            kestrel.Limits.MaxRequestBodySize = Math.Max(http.Value.MaxRequestBodyBytes, http.Value.MaxResourcesBodyBytes);
            // Request line and headers: Kestrel's defaults, stated so they are a decision (docs/reliability.md).
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 100;
        });
        builder.Services.AddPassBrokerPages(builder.Configuration);
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        builder.Services.ConfigureHttpJsonOptions(o => HttpJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<PassBrokerExceptionHandler>();
        // Who may name the client's address, and the one key every per-client limit counts by (Edge/TrustedProxies).
        builder.Services.AddSingleton<ClientAddressGroups>();
        builder.Services.AddSingleton<SecurityEvents>();
        builder.Services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<EdgeLimits>();
        return builder;
    }

    /// <summary>The middleware both hosts need in front of the routes.</summary>
    public static IApplicationBuilder UsePassBrokerHttp(this IApplicationBuilder app)
    {
        // PassBroker's own trust list, not the shared ForwardedHeadersOptions (see TrustedProxies).
        app.UseForwardedHeaders(TrustedProxies.ForwardedHeadersOptions(app.ApplicationServices.GetRequiredService<IOptions<HttpOptions>>().Value));
        app.UsePassBrokerLogScope();
        app.UsePassBrokerNoStore();
        app.UseExceptionHandler();
        app.UseStatusProblems();
        return app;
    }

    public static IEndpointRouteBuilder MapPassBroker(this IEndpointRouteBuilder routes)
    {
        // The device API, one group that holds every route to the device token. Each handler takes what it needs as
        // parameters (Binding: the device, the body, the client's address; Limits: the admissions), which declare their
        // own credential and answers; the features' groups carry what their routes share (tags, answers). no-store is
        // not a group convention: the middleware sets it on every /api answer, errors and unmatched routes included.
        routes.MapGroup(DeviceApi.Prefix).EveryRouteTakesTheDeviceToken()
            .MapDevices()
            .MapMvpds()
            .MapSessions()
            .MapProfiles()
            .MapDecisions()
            .MapLogout()
            .MapTempPass();
        return routes
            .MapAdmin()
            .MapHealth()
            .MapAuthnPages()
            .MapAuthnLandingPages();
    }
}
