using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.DevHost.LocalDependencies;
using PassBroker.DevHost.Observability;
using PassBroker.DevHost.Retention;
using PassBroker.DevHost.SampleTv;
using PassBroker.DevHost.Terminal;
using PassBroker.DevHost.Workflow;
using PassBroker.Http;

namespace PassBroker.DevHost;

/// <summary>Builds the DevHost: the PassBroker surface on ASP.NET Core, with the polling workflow in-process.</summary>
public static class DevHostApp
{
    /// <param name="args">Ordinary ASP.NET Core arguments and configuration overrides.</param>
    /// <param name="configure">Runs after PassBroker's registrations: tests swap the clock or settings here.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // `--port 7171`: the one setting that moves the DevHost and everything it starts (LocalTopology).
        builder.Configuration.AddCommandLine(args, LocalTopology.SwitchMappings);

        // Local dependencies start first, so the workflow host finds storage up when it resumes pending sign-ins.
        builder.AddLocalDependencies();
        builder.AddDevHostTerminal();

        // PassBroker: the same registrations as the Functions app
        builder.AddPassBroker();

        // Telemetry exporters, the OpenAPI document and its reference page (DevHost only)
        builder.AddDevHostTelemetryExporters();
        builder.AddApiReference();

        // The polling workflow without Durable Functions
        builder.Services.AddSingleton<InProcessWorkflowHost>();
        builder.Services.AddSingleton<InProcessShardHost>();
        builder.Services.AddSingleton<IShardHost>(s => s.GetRequiredService<InProcessShardHost>());
        builder.Services.AddSingleton<IWorkflowStarter>(PollingShapes.StarterFor<InProcessWorkflowHost>);
        builder.Services.AddHostedService(s => s.GetRequiredService<InProcessShardHost>());
        builder.Services.AddHostedService(s => s.GetRequiredService<InProcessWorkflowHost>());

        // The retention purge on a schedule (the Functions app: a timer function)
        builder.Services.AddHostedService<RetentionPurgeService>();

        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseDevHostRequestLog();
        app.UsePassBrokerHttp();
        app.MapPassBroker();
        app.MapApiReference();
        app.MapSampleTv();
        return app;
    }
}
