using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PassBroker.DevHost.Observability;
using PassBroker.Http.Telemetry;

namespace PassBroker.Integration.Tests.Observability;

/// <summary>
/// The DevHost collects spans and metric points only when it exports them: with no exporter (its default, and the
/// benchmark's) there is no tracer or meter provider, so no listener makes ASP.NET Core, HttpClient or PassBroker
/// build spans and tagged points nobody reads. (The Functions app: PassBroker.Functions.Tests' TelemetrySignalsTests.)
/// </summary>
public sealed class TelemetrySignalsTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData(DevHostTelemetry.ConsoleSetting, "true", true)]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317", true)]
    public async Task DevHostExporters_CollectOnlyWithAnExporter(string? setting, string? value, bool collected)
    {
        var builder = WebApplication.CreateBuilder();
        if (setting is not null)
        {
            builder.Configuration.AddInMemoryCollection([new(setting, value)]);
        }
        builder.AddPassBrokerTelemetry();
        builder.AddDevHostTelemetryExporters();
        await using var app = builder.Build();

        Assert.Equal((collected, collected), (app.Services.GetService<TracerProvider>() is not null, app.Services.GetService<MeterProvider>() is not null));
    }
}
