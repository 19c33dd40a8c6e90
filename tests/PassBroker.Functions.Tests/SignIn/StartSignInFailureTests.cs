using System.Net;
using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using PassBroker.Core.Errors;
using PassBroker.Functions.Tests.Hosting;
using PassBroker.Http;

namespace PassBroker.Functions.Tests.SignIn;

/// <summary>
/// The start-sign-in function when the Durable task hub does not answer (its storage down, the host restarting), in
/// either polling shape: a new app on the fixture's tables, so the shards' "all running" check of this process is due.
/// </summary>
[Collection(BothHostsCollection.Name)]
public sealed class StartSignInFailureTests(BothHostsFixture hosts)
{
    [Theory]
    [InlineData("PerSignIn")]
    [InlineData("Sharded")]
    public async Task StartSignIn_TaskHubUnavailable_Answers503StorageUnavailableWithRetryAfter(string shape)
    {
        // Arrange: a registered device, and a Durable client whose every call fails as gRPC does when the host is unreachable
        var (device, token, _) = await DeviceClient.RegisterAsync(hosts.Functions, "fn-hub-down-" + Guid.NewGuid().ToString("N"));
        device.Dispose();
        using var app = FunctionsAppHost.Build(new Dictionary<string, string?>(hosts.FunctionsSettings) { ["SignIn:PollingShape"] = shape });
        var unavailable = new RpcException(new Status(StatusCode.Unavailable, "Error connecting to subchannel."));
        var client = new Mock<DurableTaskClient>("unreachable");
        client.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>()))
            .Returns(Pageable.Create<OrchestrationMetadata>((_, _, _) => throw unavailable));
        client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(unavailable);
        client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ThrowsAsync(unavailable);
        var start = CompiledFunctions.Http.Single(f => f.HttpTrigger!.Route == Routes.Sessions);

        // Act
        var context = await start.InvokeAsync(app.Services, client.Object, request =>
        {
            request.Headers.Authorization = "Bearer " + token;
            request.Headers["X-Forwarded-For"] = DeviceClient.DeviceIp;
            request.HttpContext.Connection.RemoteIpAddress = IPAddress.Loopback;
        });

        // Assert
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal(ErrorCodes.StorageUnavailable, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(context.Response.Headers.RetryAfter));
    }
}
