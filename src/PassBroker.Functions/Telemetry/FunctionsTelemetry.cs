using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PassBroker.Http.Telemetry;

namespace PassBroker.Functions.Telemetry;

/// <summary>
/// The Functions app's telemetry. <c>UseFunctionsWorkerDefaults</c> continues the host's trace in the worker (with
/// <c>"telemetryMode": "OpenTelemetry"</c> in host.json the host emits OpenTelemetry too, so host and worker spans are one
/// trace) and tells the host that the worker exports its own logs, so each line reaches Application Insights once.
/// PassBroker's traces, metrics and logs (collected by <c>AddPassBrokerTelemetry</c>, shared with the DevHost) go to
/// Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set; without it none are collected. The deployment disables local auth on
/// the component, so ingestion authenticates with the app's one Azure credential (the managed identity of
/// <c>AZURE_CLIENT_ID</c> in Azure, see <c>AzureOptions</c>), as <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says for the host.
/// </summary>
internal static class FunctionsTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IHostApplicationBuilder AddFunctionsTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        var connectionString = builder.Configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder;
        }
        telemetry.WithPassBrokerSignals().UseAzureMonitorExporter(options => options.ConnectionString = connectionString);
        // The credential the storage and Key Vault clients use (registered by AddPassBroker's AddPassBrokerAzureClients).
        builder.Services.AddOptions<AzureMonitorExporterOptions>()
            .Configure<TokenCredential>((options, credential) => options.Credential = credential);
        return builder;
    }
}
