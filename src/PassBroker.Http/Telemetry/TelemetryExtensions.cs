using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PassBroker.AdobePass.Telemetry;
using PassBroker.Core.Telemetry;

namespace PassBroker.Http.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The OpenTelemetry service name both hosts report as.</summary>
    public const string ServiceName = "PassBroker";

    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry, the same for both hosts: ASP.NET Core server spans, HttpClient
    /// spans to Adobe (named by route template), PassBroker's own spans and meter, and log records that carry the
    /// trace and span ids. No exporter here: each host adds its own to the returned builder (DevHost: console/OTLP,
    /// Functions: Azure Monitor).
    /// </summary>
    public static IOpenTelemetryBuilder AddPassBrokerTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        });
        return builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(PassBrokerTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) =>
                    // The template, not the URL: the path carries authentication codes, the query a redirect URL.
                    activity.SetTag("url.template", UpstreamOperations.TemplateOf(request))))
            .WithMetrics(metrics => metrics
                .AddMeter(PassBrokerTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
    }

    /// <summary>A log scope per request with the device key and brand once the device is known (see <see cref="RequestLogScope"/>).</summary>
    public static IApplicationBuilder UsePassBrokerLogScope(this IApplicationBuilder app) => app.UseMiddleware<RequestLogScopeMiddleware>();
}
