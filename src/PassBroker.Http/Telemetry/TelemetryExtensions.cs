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
    /// Traces, metrics and logs through OpenTelemetry, the same for both hosts: log records that carry the trace and
    /// span ids, and the service's resource. What is collected comes with an exporter: each host calls
    /// <see cref="WithPassBrokerSignals"/> where it adds one (DevHost: console/OTLP, Functions: Azure Monitor).
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
        return builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
    }

    /// <summary>
    /// What PassBroker's exporters export: ASP.NET Core server spans, HttpClient spans to Adobe (named by route
    /// template), PassBroker's own spans and meter, and the server and client metrics. Only where an exporter is
    /// added: a tracer or meter provider listens whether or not anything reads it, and while one listens every request
    /// builds its server and client spans with their tags and every instrument tags its points (the DevHost's default,
    /// with no exporter, paid that on each warm authorize). Call once per host, with its exporters.
    /// </summary>
    public static IOpenTelemetryBuilder WithPassBrokerSignals(this IOpenTelemetryBuilder telemetry) => telemetry
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

    /// <summary>A log scope per request with the device key and brand once the device is known (see <see cref="RequestLogScope"/>).</summary>
    public static IApplicationBuilder UsePassBrokerLogScope(this IApplicationBuilder app) => app.UseMiddleware<RequestLogScopeMiddleware>();
}
