using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PassBroker.Http.Telemetry;

namespace PassBroker.Integration.Tests.Observability;

/// <summary>
/// What a DevHost exported, kept in memory: finished spans, metric points, log records with their scopes, and every
/// Authorization header PassBroker sent upstream (the access tokens no attribute may contain).
/// </summary>
internal sealed class TelemetryCapture
{
    public ExportedItems<Activity> Spans { get; } = new();
    public ExportedItems<Metric> Metrics { get; } = new();
    public FakeLogCollector Logs { get; } = new();
    public ConcurrentBag<string> UpstreamCredentials { get; } = [];

    public void Configure(WebApplicationBuilder builder)
    {
        // As a host adds its exporters: with PassBroker's signals.
        builder.Services.AddOpenTelemetry().WithPassBrokerSignals()
            .WithTracing(tracing => tracing.AddInMemoryExporter(Spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(Metrics));
        builder.Logging.AddProvider(new FakeLoggerProvider(Logs));
        builder.Services.ConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.AdditionalHandlers.Add(new CredentialRecorder(UpstreamCredentials))));
    }

    /// <summary>Exports what is pending (metrics are otherwise exported once a minute).</summary>
    /// <param name="services">The DevHost's services.</param>
    public static void Flush(IServiceProvider services)
    {
        services.GetRequiredService<TracerProvider>().ForceFlush();
        services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    /// <summary>Every metric point of the instrument, as its tags.</summary>
    /// <param name="name">The instrument's name.</param>
    public List<Dictionary<string, string>> Points(string name)
    {
        var points = new List<Dictionary<string, string>>();
        foreach (var metric in Metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, string>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                }
                points.Add(tags);
            }
        }
        return points;
    }

    /// <summary>Span names, span attribute values and metric tag values: everything an operator's backend receives.</summary>
    public IEnumerable<string> AttributeValues() =>
        Spans.SelectMany(s => s.TagObjects.Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").Append(s.DisplayName))
            .Concat(Metrics.Select(m => m.Name).Distinct().SelectMany(name => Points(name).SelectMany(p => p.Values)));

    private sealed class CredentialRecorder(ConcurrentBag<string> credentials) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization?.Parameter is { Length: > 0 } credential)
            {
                credentials.Add(credential);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
