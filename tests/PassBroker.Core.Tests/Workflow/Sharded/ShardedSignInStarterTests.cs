using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PassBroker.Core.Devices;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;

namespace PassBroker.Core.Tests.Workflow.Sharded;

/// <summary>A sign-in under the shards is one row, in the device's place, with what its polls and its telemetry need.</summary>
public sealed class ShardedSignInStarterTests
{
    [Fact]
    public async Task Start_WritesTheDevicesRowInItsPlace_WithItsBrand_ThenMakesSureTheShardsRun()
    {
        PendingSignIn? written = null;
        var pending = new Mock<IPendingSignInStore>();
        pending.Setup(p => p.PutAsync(It.IsAny<PendingSignIn>(), It.IsAny<CancellationToken>()))
            .Callback<PendingSignIn, CancellationToken>((row, _) => written = row).Returns(Task.CompletedTask);
        var shards = new Mock<IShardHost>();
        var options = new SignInOptions();
        var time = new FakeTimeProvider(ShardClock.DefaultEpoch.AddDays(1).AddSeconds(2));
        var starter = new ShardedSignInStarter(pending.Object, shards.Object, Options.Create(options), time);
        var input = new SignInPollInput("device-a", "ABC1234", time.GetUtcNow().AddMinutes(30), options.PollInterval, Brand: "sports")
        {
            Mvpd = "Cablevision",
            Client = new ClientEndpoint("203.0.113.7", 50123),
        };

        await starter.StartSignInPollingAsync(input, default);

        var clock = ShardClock.From(options);
        Assert.NotNull(written);
        Assert.Equal(clock.Place("device-a", options.Shards), (written.Shard, written.Slot));
        Assert.Equal(clock.FirstDueTick(time.GetUtcNow(), written.Slot), written.FirstDueTick);
        Assert.Equal(input with { PollInterval = options.PollInterval }, written.ToInput(options.PollInterval));
        shards.Verify(s => s.EnsureRunningAsync(It.IsAny<CancellationToken>()), Times.Once);
    }
}
