using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;
using PassBroker.Functions.Tests.Hosting;
using PassBroker.Testing.Hosting;

namespace PassBroker.Functions.Tests.SignIn;

/// <summary>
/// A deployment that switches <c>SignIn:PollingShape</c> from <c>PerSignIn</c> to <c>Sharded</c> while sign-ins are
/// pending: the old app's per-sign-in orchestrations (in Azure: the same task hub, now run by the new version, which
/// registers both orchestrators) finish what they started, and a device that starts again under the shards replaces its
/// pending sign-in, whose orchestration then ends as replaced. Two Functions apps on the same tables, each on its own
/// real Durable engine, in real time (3 s interval).
/// </summary>
[Collection(BothHostsCollection.Name)]
public sealed class PollingShapeSwitchTests(BothHostsFixture hosts)
{
    [Fact]
    public async Task Switch_FromPerSignInToShards_PendingSignInsFinish_AndANewStartReplacesOne()
    {
        // Arrange: the old app (one orchestration per sign-in) with two devices signing in
        var settings = RunningFunctionsApp.Settings(hosts, "w");
        settings["SignIn:PollingShape"] = "PerSignIn";
        await using var oldApp = await RunningFunctionsApp.StartAsync(settings);
        var (alice, aliceToken, _) = await DeviceClient.RegisterAsync(oldApp.Http, "fn-switch-a-" + Guid.NewGuid().ToString("N"));
        var (bob, bobToken, bobKey) = await DeviceClient.RegisterAsync(oldApp.Http, "fn-switch-b-" + Guid.NewGuid().ToString("N"));
        using var _ = alice;
        using var __ = bob;
        var aliceSession = await StartAsync(alice);
        var bobFirst = await StartAsync(bob);
        var bobFirstInstance = new SignInPollInput(bobKey, bobFirst.Code, default, default).InstanceId;
        Assert.NotNull(await oldApp.Durable.Client.GetInstanceAsync(bobFirstInstance));

        // Act: the new app (the shards) on the same tables; the devices now call it
        settings["SignIn:PollingShape"] = "Sharded";
        settings["SignIn:ShardTick"] = "00:00:01";
        settings["SignIn:Shards"] = "2";
        await using var newApp = await RunningFunctionsApp.StartAsync(settings);
        using var aliceNow = DeviceClient.Create(newApp.Http, aliceToken);
        using var bobNow = DeviceClient.Create(newApp.Http, bobToken);

        await BrowserLogin.SignInAsync(aliceSession.LoginUrl, "alice", "alice-pw");
        var aliceStatus = await aliceNow.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{aliceSession.Code}?wait=20");
        var bobSecond = await StartAsync(bobNow);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var bobFirstEnded = await oldApp.Durable.Client.WaitForInstanceCompletionAsync(bobFirstInstance, getInputsAndOutputs: true, timeout.Token);
        await BrowserLogin.SignInAsync(bobSecond.LoginUrl, "bob", "bob-pw");
        var bobStatus = await bobNow.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{bobSecond.Code}?wait=20");

        // Assert: alice's sign-in, started before the switch, was noticed by its own orchestration; bob's first one
        // ended as replaced; his second was noticed by the shards, with no per-sign-in orchestration for it.
        Assert.Equal("authenticated", aliceStatus.GetProperty("status").GetString());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, bobFirstEnded.RuntimeStatus);
        Assert.Equal(SessionEndReasons.Replaced, bobFirstEnded.ReadOutputAs<SignInCheck>()?.Reason);
        Assert.Equal("authenticated", bobStatus.GetProperty("status").GetString());
        var bobSecondInstance = new SignInPollInput(bobKey, bobSecond.Code, default, default).InstanceId;
        Assert.Null(await oldApp.Durable.Client.GetInstanceAsync(bobSecondInstance));
        Assert.Null(await newApp.Durable.Client.GetInstanceAsync(bobSecondInstance));
    }

    private static async Task<(string Code, string LoginUrl)> StartAsync(HttpClient device)
    {
        var started = await device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var session = await started.Content.ReadFromJsonAsync<JsonElement>();
        return (session.GetProperty("code").GetString()!, session.GetProperty("loginUrl").GetString()!);
    }
}
