using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PassBroker.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddPassBrokerFunctions();
await builder.Build().RunAsync();
