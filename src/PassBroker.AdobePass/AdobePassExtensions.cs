using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PassBroker.AdobePass.Dcr;
using PassBroker.AdobePass.Handlers;
using PassBroker.AdobePass.Management;
using PassBroker.AdobePass.V2;
using PassBroker.Core.InstanceCaching;
using PassBroker.Core.Upstream;
using Refit;

namespace PassBroker.AdobePass;

public static class AdobePassExtensions
{
    /// <summary>
    /// The Adobe Pass adapter: Refit clients for REST API V2 and DCR behind <see cref="IAdobePassClient"/>, with the
    /// device-header and bearer-token handlers. Needs Core's <c>IDeviceStore</c> (tokens are stored per device).
    /// </summary>
    public static IHostApplicationBuilder AddAdobePass(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdobePassOptions>().BindConfiguration(AdobePassOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AccessTokenProvider>();
        builder.Services.TryAddSingleton<DeviceRecordCopies>();
        builder.Services.AddSingleton<DcrClient>();
        builder.Services.AddSingleton<IAdobePassClient, AdobePassClient>();
        builder.Services.AddSingleton<ManagementTokenProvider>();
        builder.Services.AddSingleton<TempPassResetClient>();
        builder.Services.AddTransient<DeviceHeadersHandler>();
        builder.Services.AddTransient<BearerTokenHandler>();

        var settings = new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        }));
        builder.Services.AddRefitGeneratedClient<IDcrApi>(settings).ConfigureUpstream().AddHttpMessageHandler<DeviceHeadersHandler>();
        builder.Services.AddRefitGeneratedClient<IRestApiV2>(settings).ConfigureUpstream()
            .AddHttpMessageHandler<DeviceHeadersHandler>()
            .AddHttpMessageHandler<BearerTokenHandler>();
        // The management host: PassBroker's own token in the call itself, no device headers.
        builder.Services.AddRefitGeneratedClient<ITempPassResetApi>(settings).ConfigureUpstream(options => options.ManagementBaseUrl);
        return builder;
    }

    private static IHttpClientBuilder ConfigureUpstream(this IHttpClientBuilder client, Func<AdobePassOptions, Uri>? baseUrl = null) => client
        .ConfigureHttpClient((services, http) =>
        {
            var options = services.GetRequiredService<IOptions<AdobePassOptions>>().Value;
            http.BaseAddress = (baseUrl ?? (o => o.BaseUrl))(options);
            http.Timeout = options.RequestTimeout;
        })
        // Adobe moves traffic between data centres through DNS and asks for a DNS cache of at most 30 s: recycle
        // pooled connections that often. The handler itself then lives forever (no factory rotation needed).
        .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
        {
            PooledConnectionLifetime = services.GetRequiredService<IOptions<AdobePassOptions>>().Value.PooledConnectionLifetime,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            AllowAutoRedirect = false,
        })
        .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
}
