using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.Functions.Edge;
using PassBroker.Functions.Tests.Hosting;
using PassBroker.Http;

namespace PassBroker.Functions.Tests.Publish;

/// <summary>
/// What the Functions host will load in Azure: the published <c>functions.metadata</c> (the functions, their triggers
/// and bindings), <c>extensions.json</c> (the host-side extensions) and <c>host.json</c>, against the route table both
/// hosts serve and the compiled functions. Any drift between them fails here instead of in a deployment.
/// </summary>
public sealed class PublishedAppTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    private IEnumerable<JsonElement> Functions => published.FunctionsMetadata.EnumerateArray();

    [Fact]
    public void FunctionsMetadata_HttpTriggers_AreTheRouteTable()
    {
        // Arrange: the route table, as the Functions app collects it from MapPassBroker
        using var host = FunctionsAppHost.Build(SampleSettings.Values());
        var routeTable = host.Services.GetRequiredService<HttpSurface>().Routes.Select(r => $"{r.Method} {r.Route}").Order().ToList();

        // Act
        var triggers = Functions.Select(f => Binding(f, "httpTrigger")).OfType<JsonElement>()
            .SelectMany(t => t.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetString()!.ToUpperInvariant()} {t.GetProperty("route").GetString()}"))
            .Order()
            .ToList();

        // Assert
        Assert.Equal(routeTable, triggers);
    }

    [Fact]
    public void FunctionsMetadata_HttpFunctions_AnswerThroughTheHttpOutputBindingWithTheirAuthLevel()
    {
        var http = Functions.Where(f => Binding(f, "httpTrigger") is not null).ToList();

        foreach (var function in http)
        {
            var trigger = Binding(function, "httpTrigger")!.Value;
            var output = Binding(function, "http");
            var admin = trigger.GetProperty("route").GetString()!.StartsWith("api/admin/", StringComparison.Ordinal);
            Assert.Equal("$return", output?.GetProperty("name").GetString());
            Assert.Equal(admin ? "Function" : "Anonymous", trigger.GetProperty("authLevel").GetString());
        }
        Assert.Equal(19, http.Count);
    }

    [Fact]
    public void FunctionsMetadata_Durable_OrchestratorActivitiesAndTheStartersClient()
    {
        var byName = Functions.ToDictionary(f => f.GetProperty("name").GetString()!);

        Assert.NotNull(Binding(byName[SignInPollingWorkflow.Name], "orchestrationTrigger"));
        Assert.NotNull(Binding(byName[WorkflowActivities.CheckSignIn], "activityTrigger"));
        Assert.NotNull(Binding(byName[WorkflowActivities.ExpireSignIn], "activityTrigger"));
        Assert.NotNull(Binding(byName[WorkflowActivities.FailSignIn], "activityTrigger"));
        Assert.NotNull(Binding(byName[ShardPollingWorkflow.Name], "orchestrationTrigger"));
        Assert.NotNull(Binding(byName[ShardPollingWorkflow.PollShardActivity], "activityTrigger"));
        var start = Functions.Single(f => Binding(f, "httpTrigger")?.GetProperty("route").GetString() == Routes.Sessions
            && Binding(f, "httpTrigger")!.Value.GetProperty("methods").EnumerateArray().Any(m => m.GetString() == "post"));
        Assert.NotNull(Binding(start, "durableClient"));
    }

    [Fact]
    public void FunctionsMetadata_EveryEntryPoint_IsACompiledFunctionOfThePublishedAssembly()
    {
        // Arrange: the published file itself, in a load context of its own (the test already has the build's copy)
        var context = new AssemblyLoadContext("published", isCollectible: true);
        var assembly = context.LoadFromAssemblyPath(Path.Combine(published.Folder, "PassBroker.Functions.dll"));

        // Act: each entry point, resolved in the published assembly, must carry [Function] with the metadata's name
        var wrong = new List<string>();
        foreach (var function in Functions)
        {
            var name = function.GetProperty("name").GetString()!;
            var entryPoint = function.GetProperty("entryPoint").GetString()!;
            var split = entryPoint.LastIndexOf('.');
            var method = assembly.GetType(entryPoint[..split])?.GetMethod(entryPoint[(split + 1)..]);
            var attribute = method?.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.FullName == typeof(FunctionAttribute).FullName);
            if (attribute?.ConstructorArguments[0].Value as string != name || function.GetProperty("scriptFile").GetString() != "PassBroker.Functions.dll")
            {
                wrong.Add($"{name}: {entryPoint}");
            }
        }

        context.Unload();

        // Assert
        Assert.True(wrong.Count == 0, "Entry points that are not their function: " + string.Join(", ", wrong));
        Assert.Equal(CompiledFunctions.All.Select(f => f.Name).Order(), Functions.Select(f => f.GetProperty("name").GetString()!).Order());
    }

    [Fact]
    public void Extensions_DurableTaskExtension_IsPublishedWithItsAssembly()
    {
        var durable = Assert.Single(published.Extensions.GetProperty("extensions").EnumerateArray(), e => e.GetProperty("name").GetString() == "DurableTask");

        Assert.StartsWith("Microsoft.Azure.WebJobs.Extensions.DurableTask.", durable.GetProperty("typeName").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(published.Folder, durable.GetProperty("hintPath").GetString()!)), "The extension's assembly is not in the package.");
    }

    [Fact]
    public void FunctionsMetadata_RetentionPurge_IsATimerOnTheScheduleSetting()
    {
        var purge = Functions.Single(f => f.GetProperty("name").GetString() == PassBroker.Functions.Retention.RetentionPurgeFunction.Name);

        // The timer trigger is built into the Functions host (Microsoft.Azure.WebJobs.Extensions), so extensions.json
        // lists nothing for it: the metadata's binding is all the host needs.
        var trigger = Binding(purge, "timerTrigger");

        Assert.NotNull(trigger);
        Assert.Equal("%RetentionPurgeSchedule%", trigger.Value.GetProperty("schedule").GetString());
    }

    [Fact]
    public void HostJson_RoutesAsDeclared_OneTrace_TaskHubFromItsSetting()
    {
        var extensions = published.HostJson.GetProperty("extensions");

        // Routes.X are whole paths: an "api" prefix would move every route.
        Assert.Equal("", extensions.GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("OpenTelemetry", published.HostJson.GetProperty("telemetryMode").GetString());
        Assert.Equal("%DurableTaskHubName%", extensions.GetProperty("durableTask").GetProperty("hubName").GetString());
    }

    [Fact]
    public void Package_LeavesLocalSettingsOut()
    {
        Assert.False(File.Exists(Path.Combine(published.Folder, "local.settings.json")));
        Assert.False(File.Exists(Path.Combine(published.Folder, "local.settings.sample.json")));
    }

    private static JsonElement? Binding(JsonElement function, string type) =>
        function.GetProperty("bindings").EnumerateArray()
            .Where(b => string.Equals(b.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase))
            .Select(b => (JsonElement?)b)
            .FirstOrDefault();
}
