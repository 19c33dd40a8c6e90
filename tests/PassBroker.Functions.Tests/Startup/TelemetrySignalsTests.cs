using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using PassBroker.Core.Telemetry;
using PassBroker.Functions.Tests.Hosting;

namespace PassBroker.Functions.Tests.Startup;

/// <summary>
/// The Functions app collects PassBroker's spans exactly when it exports them: with Application Insights configured
/// (Azure) its tracer listens to PassBroker's own source and ASP.NET Core's; without, it collects none of them.
/// </summary>
public sealed class TelemetrySignalsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Build_PassBrokerSpans_AreCollectedWithApplicationInsightsOnly(bool applicationInsights)
    {
        var settings = SampleSettings.Values();
        if (applicationInsights)
        {
            settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
                "InstrumentationKey=00000000-0000-0000-0000-0000000000b2;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/";
        }
        var recorder = new SpanRecorder();
        // A processor on the app's own tracer provider: it sees exactly the sources that provider listens to.
        using var host = FunctionsAppHost.Build(settings, builder => builder.Services.AddOpenTelemetry().WithTracing(t => t.AddProcessor(recorder)));
        _ = host.Services.GetRequiredService<TracerProvider>();

        using (var source = new ActivitySource(PassBrokerTelemetry.Name))
        using (var server = new ActivitySource("Microsoft.AspNetCore"))
        {
            server.StartActivity("Microsoft.AspNetCore.Hosting.HttpRequestIn", ActivityKind.Server)?.Dispose();
            source.StartActivity("passbroker.probe")?.Dispose();
        }

        string[] expected = applicationInsights ? ["Microsoft.AspNetCore", PassBrokerTelemetry.Name] : [];
        Assert.Equal(expected, recorder.Sources.Order(StringComparer.Ordinal));
    }

    private sealed class SpanRecorder : BaseProcessor<Activity>
    {
        private readonly ConcurrentQueue<string> _sources = new();

        public IEnumerable<string> Sources => _sources;

        public override void OnEnd(Activity data) => _sources.Enqueue(data.Source.Name);
    }
}
