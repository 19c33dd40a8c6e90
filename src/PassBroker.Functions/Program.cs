using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PassBroker.Core.Workflow;
using PassBroker.Functions.Edge;
using PassBroker.Functions.Telemetry;
using PassBroker.Functions.Workflow;
using PassBroker.Http;

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: functions take HttpRequest and return IActionResult, so PassBroker.Http's handlers run unchanged.
builder.ConfigureFunctionsWebApplication();

// The device IP from X-Forwarded-For (as UseForwardedHeaders in the DevHost); known failures become Problem Details
// as the DevHost's exception handler answers them (one table: ProblemMapper).
builder.UseMiddleware<ForwardedHeadersWorkerMiddleware>();
builder.UseMiddleware<RequestLogScopeWorkerMiddleware>();
builder.UseMiddleware<PassBrokerProblemsMiddleware>();

// PassBroker: the same registrations as the DevHost
builder.AddPassBroker();

// Host and worker spans as one trace; Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set
builder.AddFunctionsTelemetry();

// The polling workflow as a Durable orchestration (started from the create-session function's DurableTaskClient)
builder.Services.AddScoped<DurableClientHolder>();
builder.Services.AddScoped<IWorkflowStarter, DurableWorkflowStarter>();

await builder.Build().RunAsync();
