using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.Functions.Tests.Hosting;
using PassBroker.Testing.Hosting;

namespace PassBroker.Functions.Tests.SignIn;

/// <summary>
/// A sign-in through a Functions app of its own under <c>SignIn:PollingShape = Sharded</c>: the start function writes
/// the row and starts the shard orchestrations (fixed ids, on the real Durable engine), whose round activity notices
/// the login at the emulator; no per-sign-in orchestration is started. Real time: 3 s interval, 1 s tick.
/// </summary>
[Collection(BothHostsCollection.Name)]
public sealed class FunctionsShardedSignInTests(BothHostsFixture hosts)
{
    [Fact]
    public async Task SignIn_UnderTheShards_StartsEachShardOnce_AndTheyNoticeTheLogin()
    {
        // Arrange: the app, its engine and its HTTP functions
        var settings = RunningFunctionsApp.Settings(hosts, "s");
        settings["SignIn:PollingShape"] = "Sharded";
        settings["SignIn:ShardTick"] = "00:00:01";
        settings["SignIn:Shards"] = "2";
        await using var app = await RunningFunctionsApp.StartAsync(settings);
        var (device, _, _) = await DeviceClient.RegisterAsync(app.Http, "fn-shard-" + Guid.NewGuid().ToString("N"));
        using var _ = device;

        // Act: two sign-ins (the second replaces the first), the login, the status
        Assert.Equal(HttpStatusCode.Accepted, (await device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" })).StatusCode);
        var started = await device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var session = await started.Content.ReadFromJsonAsync<JsonElement>();
        var code = session.GetProperty("code").GetString()!;
        await BrowserLogin.SignInAsync(session.GetProperty("loginUrl").GetString()!, "alice", "alice-pw");
        var status = await device.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}?wait=20");

        // Assert: authenticated, polled by the two shards only
        Assert.Equal("authenticated", status.GetProperty("status").GetString());
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in app.Durable.Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            instances.Add(instance);
        }
        Assert.Equal([ShardPollInput.InstanceIdOf(0), ShardPollInput.InstanceIdOf(1)], instances.Select(i => i.InstanceId).Order());
        Assert.All(instances, i => Assert.Equal(OrchestrationRuntimeStatus.Running, i.RuntimeStatus));
        Assert.All(instances, i => Assert.Equal(ShardPollingWorkflow.Name, i.Name));
    }
}
