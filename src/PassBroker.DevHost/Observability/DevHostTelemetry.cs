using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PassBroker.Http.Telemetry;

namespace PassBroker.DevHost.Observability;

/// <summary>
/// The DevHost's telemetry exporters (what to collect is <c>AddPassBrokerTelemetry</c>, shared with the Functions app):
/// spans and metric points on the console only when asked for with <c>--Telemetry:Console=true</c> (each span is some
/// 25 lines: on by default they buried everything else), and OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// With neither, no spans or metric points are collected at all.
/// Log lines keep going to the ordinary console logger, with their scopes.
/// </summary>
public static class DevHostTelemetry
{
    public const string ConsoleSetting = "Telemetry:Console";
    public const string MetricsIntervalSetting = "Telemetry:ConsoleMetricsInterval";

    public static WebApplicationBuilder AddDevHostTelemetryExporters(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry();
        var console = builder.Configuration.GetValue(ConsoleSetting, false);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!console && !otlp)
        {
            // Nothing would read the spans and metric points: none are built (see WithPassBrokerSignals).
            return builder;
        }
        telemetry.WithPassBrokerSignals();
        if (console)
        {
            var interval = builder.Configuration.GetValue(MetricsIntervalSetting, TimeSpan.FromSeconds(15));
            telemetry
                .WithTracing(tracing => tracing.AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddConsoleExporter((_, reader) =>
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)interval.TotalMilliseconds));
        }
        if (otlp)
        {
            // Traces, metrics and logs; the endpoint, protocol and headers come from the standard OTEL_* variables.
            telemetry.UseOtlpExporter();
        }
        return builder;
    }
}
