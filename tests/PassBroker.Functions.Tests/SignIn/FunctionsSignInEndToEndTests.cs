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
/// A sign-in through the Functions app alone: its HTTP functions start it and answer its status, its orchestrator and
/// activities (on the real Durable engine, against the emulator and Azurite) notice the user's login at the MVPD.
/// </summary>
[Collection(BothHostsCollection.Name)]
public sealed class FunctionsSignInEndToEndTests(BothHostsFixture hosts)
{
    [Fact]
    public async Task SignIn_UserLogsInAtTheMvpd_OrchestrationNoticesAndStatusFunctionSaysAuthenticated()
    {
        // Arrange
        var (device, _, deviceKey) = await DeviceClient.RegisterAsync(hosts.Functions, "fn-e2e-" + Guid.NewGuid().ToString("N"));
        using var _ = device;

        // Act: start through the function, log in as the user would, read the status through the function
        var started = await device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, hosts.FunctionsProblems());
        var session = await started.Content.ReadFromJsonAsync<JsonElement>();
        var code = session.GetProperty("code").GetString()!;
        var instanceId = new SignInPollInput(deviceKey, code, default, default).InstanceId;
        var pending = await hosts.Durable.Client.GetInstanceAsync(instanceId);

        await BrowserLogin.SignInAsync(session.GetProperty("loginUrl").GetString()!, "alice", "alice-pw");
        var status = await device.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}?wait=20");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var finished = await hosts.Durable.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        var profiles = await device.GetFromJsonAsync<JsonElement>("/api/profiles");

        // Assert
        Assert.NotNull(pending);
        Assert.Equal("authenticated", status.GetProperty("status").GetString());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        Assert.Equal(SessionStatus.Authenticated, finished.ReadOutputAs<SignInCheck>()?.Status);
        Assert.Contains("ExampleCable", profiles.GetRawText(), StringComparison.Ordinal);
    }
}
