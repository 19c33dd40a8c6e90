using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PassBroker.Functions.Telemetry;

/// <summary>
/// The Functions app's exporter: PassBroker's traces, metrics and logs (collected by <c>AddPassBrokerTelemetry</c>,
/// shared with the DevHost) go to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set. The
/// deployment disables local auth on the component, so ingestion authenticates with the app's managed identity
/// (<c>AZURE_CLIENT_ID</c>), as <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says for the host.
/// </summary>
internal static class FunctionsTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The worker capability that tells the host the worker exports its own logs, so each line reaches
    /// Application Insights once (what <c>Microsoft.Azure.Functions.Worker.OpenTelemetry</c>'s
    /// <c>UseFunctionsWorkerDefaults</c> sets; that package is not on every NuGet source).</summary>
    private const string WorkerOpenTelemetryCapability = "WorkerOpenTelemetryEnabled";

    public static IHostApplicationBuilder AddAzureMonitorExporter(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder;
        }
        var clientId = builder.Configuration["AZURE_CLIENT_ID"];
        builder.Services.Configure<WorkerOptions>(worker => worker.Capabilities[WorkerOpenTelemetryCapability] = bool.TrueString);
        builder.Services.AddOpenTelemetry().UseAzureMonitorExporter(options =>
        {
            options.ConnectionString = connectionString;
            options.Credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        });
        return builder;
    }
}
