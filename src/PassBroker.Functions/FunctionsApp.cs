using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.Functions.Edge;
using PassBroker.Functions.Telemetry;
using PassBroker.Functions.Workflow;
using PassBroker.Http;
using PassBroker.Http.Edge;

namespace PassBroker.Functions;

/// <summary>
/// Everything the Functions app registers, in one place: <c>Program.cs</c> runs it, and the tests build the same host
/// from it (with the settings Core Tools or Azure would pass) to resolve and invoke its functions.
/// </summary>
internal static class FunctionsApp
{
    public static FunctionsApplicationBuilder AddPassBrokerFunctions(this FunctionsApplicationBuilder builder)
    {
        // ASP.NET Core integration: functions get the real HttpContext, so PassBroker.Http's endpoints serve it unchanged.
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddRouting();
        builder.Services.AddSingleton<HttpSurface>();

        // PassBroker: the same registrations as the DevHost
        builder.AddPassBroker();

        // The Functions host is the platform's hop in front of the worker: it forwards each request over loopback with
        // X-Forwarded-For set to the caller it saw. Trusted unless Http:PlatformProxy says otherwise (see PlatformProxy).
        builder.Services.PostConfigure<HttpOptions>(http => http.PlatformProxy ??= PlatformProxy.FunctionsHost);

        // Host and worker spans as one trace; Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set
        builder.AddFunctionsTelemetry();

        // The polling workflow as a Durable orchestration (started from the create-session function's DurableTaskClient)
        builder.Services.AddScoped<DurableClientHolder>();
        builder.Services.AddScoped<DurableWorkflowStarter>();
        // SignIn:PollingShape: one orchestration per sign-in, or rows polled by the eternal shard orchestrations
        builder.Services.AddScoped<IWorkflowStarter>(PollingShapes.StarterFor<DurableWorkflowStarter>);
        builder.Services.AddSingleton<ShardCheck>();
        builder.Services.AddScoped<IShardHost, DurableShardHost>();
        return builder;
    }
}
