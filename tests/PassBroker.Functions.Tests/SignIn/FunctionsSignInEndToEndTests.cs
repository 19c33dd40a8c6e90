using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.Functions.Tests.Hosting;
using PassBroker.Testing.Hosting;

namespace PassBroker.Functions.Tests.SignIn;

/// <summary>
/// A sign-in through the Functions app alone, as configured by default (the shards): its HTTP functions start it and
/// answer its status, its shard orchestration and round activity (on the real Durable engine, against the emulator and
/// Azurite) notice the user's login at the MVPD. The per-sign-in shape's own run is in <see cref="PollingShapeSwitchTests"/>.
/// </summary>
[Collection(BothHostsCollection.Name)]
public sealed class FunctionsSignInEndToEndTests(BothHostsFixture hosts)
{
    [Fact]
    public async Task SignIn_UserLogsInAtTheMvpd_ItsShardNoticesAndStatusFunctionSaysAuthenticated()
    {
        // Arrange
        var (device, _, deviceKey) = await DeviceClient.RegisterAsync(hosts.Functions, "fn-e2e-" + Guid.NewGuid().ToString("N"));
        using var _ = device;

        // Act: start through the function, log in as the user would, read the status through the function
        var started = await device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, hosts.FunctionsProblems());
        var session = await started.Content.ReadFromJsonAsync<JsonElement>();
        var code = session.GetProperty("code").GetString()!;
        var options = hosts.FunctionsApp.Services.GetRequiredService<IOptions<SignInOptions>>().Value;
        var shardId = ShardPollInput.InstanceIdOf(ShardClock.From(options).Place(deviceKey, options.Shards).Shard);

        await BrowserLogin.SignInAsync(session.GetProperty("loginUrl").GetString()!, "alice", "alice-pw");
        var status = await device.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}?wait=20");
        var profiles = await device.GetFromJsonAsync<JsonElement>("/api/profiles");
        var shard = await hosts.Durable.Client.GetInstanceAsync(shardId);
        var perSignIn = await hosts.Durable.Client.GetInstanceAsync(new SignInPollInput(deviceKey, code, default, default).InstanceId);

        // Assert
        Assert.Equal(SignInPollingShape.Sharded, options.PollingShape);
        Assert.Equal("authenticated", status.GetProperty("status").GetString());
        Assert.Contains("ExampleCable", profiles.GetRawText(), StringComparison.Ordinal);
        Assert.Equal((ShardPollingWorkflow.Name, OrchestrationRuntimeStatus.Running), (shard?.Name, shard?.RuntimeStatus));
        Assert.Null(perSignIn);
    }
}
