using System.Reflection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.Functions.Edge;
using PassBroker.Functions.Tests.Hosting;
using PassBroker.Http;

namespace PassBroker.Functions.Tests.Compiled;

/// <summary>
/// The Functions app's functions as compiled (attributes read by reflection, methods invoked), against the route table
/// both hosts serve: PassBroker.Http's <c>MapPassBroker</c>, which the DevHost maps and <see cref="HttpSurface"/> collects.
/// </summary>
[Collection(BothHostsCollection.Name)]
public sealed class CompiledFunctionsTests(BothHostsFixture hosts)
{
    private HttpSurface Surface => hosts.FunctionsApp.Services.GetRequiredService<HttpSurface>();

    [Fact]
    public void HttpFunctions_CoverEveryRouteAndMethodOfTheRouteTable_OnceEach()
    {
        // Arrange
        var served = Surface.Routes.ToList();
        var triggers = CompiledFunctions.Http.SelectMany(f => f.HttpMethods.Select(m => (f.HttpTrigger!.Route!, m))).ToList();

        // Act
        var duplicates = triggers.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = served.Except(triggers).ToList();
        var extra = triggers.Except(served).ToList();

        // Assert
        Assert.True(served.Count >= 19, $"Only {served.Count} routes collected from MapPassBroker.");
        Assert.True(duplicates.Count == 0, "More than one function for " + string.Join(", ", duplicates));
        Assert.True(missing.Count == 0, "No function for " + string.Join(", ", missing));
        Assert.True(extra.Count == 0, "Functions for routes PassBroker does not map: " + string.Join(", ", extra));
    }

    [Fact]
    public void RouteConstants_EachServedByAFunction()
    {
        var constants = typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();
        var routes = CompiledFunctions.Http.Select(f => f.HttpTrigger!.Route!).ToHashSet();

        Assert.Empty(constants.Except(routes));
        Assert.Empty(routes.Except(constants));
    }

    [Fact]
    public void AuthorizationLevels_FunctionKeyOnAdminRoutesOnly()
    {
        // Admin routes take the platform's function key as well as PassBroker's admin key; every other caller (apps,
        // browsers, probes) has no key to send (README, "Security model of the routes").
        var wrong = CompiledFunctions.Http
            .Where(f => f.HttpTrigger!.AuthLevel != (f.HttpTrigger.Route!.StartsWith("api/admin/", StringComparison.Ordinal)
                ? AuthorizationLevel.Function
                : AuthorizationLevel.Anonymous))
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task HttpFunctions_Invoked_ServeTheirOwnTriggersRoute()
    {
        // A function whose body hands the surface another route than its trigger's would answer as that other route.
        var wrong = new List<string>();
        foreach (var function in CompiledFunctions.Http)
        {
            foreach (var method in function.HttpMethods)
            {
                var endpoint = await InvokeAsync(function, method);
                var expected = (function.HttpTrigger!.Route, method);
                var served = (endpoint?.RoutePattern.RawText, endpoint?.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Single());
                if (served != expected)
                {
                    wrong.Add($"{function} served {served} for {expected}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void DurableFunctions_AreCoresWorkflowAndItsActivities()
    {
        var orchestrators = CompiledFunctions.WithTrigger<OrchestrationTriggerAttribute>().Select(f => f.Name).Order().ToList();
        var activities = CompiledFunctions.WithTrigger<ActivityTriggerAttribute>().Select(f => f.Name).Order().ToList();
        var activityNames = typeof(WorkflowActivities).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).Append(ShardPollingWorkflow.PollShardActivity).Order().ToList();

        // Both polling shapes: one orchestration per sign-in, and the shard orchestrations (SignIn:PollingShape).
        Assert.Equal(new[] { ShardPollingWorkflow.Name, SignInPollingWorkflow.Name }.Order(), orchestrators);
        Assert.Equal(activityNames, activities);
    }

    [Fact]
    public void StartSignIn_BindsTheDurableClient()
    {
        // The starter needs this invocation's client: the isolated worker hands it only through [DurableClient].
        var start = Assert.Single(CompiledFunctions.Http, f => f.HttpTrigger!.Route == Routes.Sessions);

        var client = Assert.Single(start.Method.GetParameters(), p => p.ParameterType == typeof(DurableTaskClient));
        Assert.NotNull(client.GetCustomAttribute<DurableClientAttribute>());
    }

    /// <summary>Invokes the compiled function with a request for its own route; returns the endpoint that answered.</summary>
    private async Task<RouteEndpoint?> InvokeAsync(CompiledFunction function, string method)
    {
        var context = await function.InvokeAsync(hosts.FunctionsApp.Services, hosts.Durable.Client, request => request.Method = method);
        // A failed request (no device token, no body) was answered by the exception handler, which clears the endpoint
        // and keeps it in its feature.
        return (context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint) as RouteEndpoint;
    }
}
