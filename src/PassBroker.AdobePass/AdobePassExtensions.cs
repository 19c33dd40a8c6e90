using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PassBroker.AdobePass.Brands;
using PassBroker.AdobePass.Contracts;
using PassBroker.AdobePass.Dcr;
using PassBroker.AdobePass.Handlers;
using PassBroker.AdobePass.Management;
using PassBroker.AdobePass.Metadata;
using PassBroker.AdobePass.Pacing;
using PassBroker.AdobePass.Resilience;
using PassBroker.AdobePass.Telemetry;
using PassBroker.AdobePass.V2;
using PassBroker.Core.Brands;
using PassBroker.Core.InstanceCaching;
using PassBroker.Core.Profiles;
using PassBroker.Core.Telemetry;
using PassBroker.Core.Upstream;
using Refit;

namespace PassBroker.AdobePass;

public static class AdobePassExtensions
{
    /// <summary>
    /// The Adobe Pass adapter: Refit clients for REST API V2 and DCR behind <see cref="IAdobePassClient"/>, with the
    /// device-header and bearer-token handlers. Needs Core's <c>IDeviceStore</c> (tokens are stored per device) and
    /// <c>IManagementClientStore</c> (PassBroker's own DCR client for the Temp Pass reset).
    /// </summary>
    public static IHostApplicationBuilder AddAdobePass(this IHostApplicationBuilder builder)
    {
        // Per brand: who PassBroker is to Adobe; the deployment's: where Adobe is and how it is called.
        builder.Services.AddBrandedOptions<AdobePassOptions>(builder.Configuration, AdobePassOptions.SectionName)
            .LimitBrandSettings<AdobePassOptions>(AdobePassOptions.SectionName, AdobePassOptions.PerBrand);
        builder.Services.AddSingleton<IValidateOptions<AdobePassOptions>, AdobePassBrandsValidator>();
        builder.Services.TryAddSingleton(new BrandCatalog(builder.Configuration));
        builder.Services.AddSingleton<BrandedAdobePassOptions>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AccessTokenProvider>();
        builder.Services.TryAddSingleton<DeviceRecordCopies>();
        builder.Services.AddSingleton<DcrClient>();
        builder.Services.AddSingleton<IAdobePassClient, AdobePassClient>();
        builder.Services.AddSingleton<ManagementTokenProvider>();
        builder.Services.AddSingleton<TempPassResetClient>();
        builder.Services.AddSingleton<MetadataCertificates>();
        builder.Services.AddSingleton<IUserMetadataDecryptor, UserMetadataDecryptor>();
        builder.Services.AddTransient<DeviceHeadersHandler>();
        builder.Services.AddTransient<BearerTokenHandler>();
        builder.Services.AddOptions<ResilienceOptions>().BindConfiguration(ResilienceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PacingOptions>().BindConfiguration(PacingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DevicePacer>();
        builder.Services.AddTransient<PacingHandler>();
        builder.Services.TryAddSingleton<PassBrokerMetrics>();
        builder.Services.AddTransient<UpstreamTelemetryHandler>();

        // Buffered: a JSON body goes with its Content-Length instead of chunked (Refit streams it otherwise). The bodies
        // are a few hundred bytes, and a gateway in front of an API may refuse a chunked request.
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(AdobePassJson.Options)) { Buffered = true };
        // Handlers run outermost first: the resilience pipeline repeats what is below it; the pacer sees every request
        // that really leaves (retries and the re-send after a 401 included); UpstreamTelemetryHandler, innermost, times
        // and names every exchange on the wire, not the pacer's wait or the handlers' work around it.
        builder.Services.AddRefitGeneratedClient<IDcrApi>(settings).ConfigureUpstream()
            .AddHttpMessageHandler<DeviceHeadersHandler>()
            .AddHttpMessageHandler<PacingHandler>()
            .AddHttpMessageHandler<UpstreamTelemetryHandler>();
        builder.Services.AddRefitGeneratedClient<IRestApiV2>(settings).ConfigureUpstream()
            .AddHttpMessageHandler<DeviceHeadersHandler>()
            .AddHttpMessageHandler<BearerTokenHandler>()
            .AddHttpMessageHandler<PacingHandler>()
            .AddHttpMessageHandler<UpstreamTelemetryHandler>();
        // The management host: PassBroker's own token in the call itself, no device headers, not throttled per device.
        builder.Services.AddRefitGeneratedClient<ITempPassResetApi>(settings).ConfigureUpstream(options => options.ManagementBaseUrl)
            .AddHttpMessageHandler<UpstreamTelemetryHandler>();
        return builder;
    }

    private static IHttpClientBuilder ConfigureUpstream(this IHttpClientBuilder client, Func<AdobePassOptions, Uri>? baseUrl = null) => client
        .ConfigureHttpClient((services, http) =>
        {
            var options = services.GetRequiredService<IOptions<AdobePassOptions>>().Value;
            http.BaseAddress = (baseUrl ?? (o => o.BaseUrl))(options);
            // The pipeline's timeouts decide; this is only a backstop behind them.
            http.Timeout = services.GetRequiredService<IOptions<ResilienceOptions>>().Value.TotalTimeout + TimeSpan.FromSeconds(5);
        })
        // Adobe moves traffic between data centres through DNS and asks for a DNS cache of at most 30 s: recycle
        // pooled connections that often. The handler itself then lives forever (no factory rotation needed).
        .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
        {
            PooledConnectionLifetime = services.GetRequiredService<IOptions<AdobePassOptions>>().Value.PooledConnectionLifetime,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            AllowAutoRedirect = false,
        })
        .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
        // IHttpClientFactory's default logging handlers (a log scope and start/end lines with the full URL, which may
        // carry a sign-in code) cost two handlers and their allocations on every call; UpstreamTelemetryHandler already
        // names, times and counts each exchange by its route template.
        .RemoveAllLoggers()
        .AddUpstreamResilience();
}
